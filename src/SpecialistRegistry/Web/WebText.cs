namespace SpecialistRegistry.Web;

/// <summary>Marker for WebText.resx / WebText.zh-CN.resx: texts of the rate limiter and other request-level guards.</summary>
public sealed class WebText;
