namespace SpecialistRegistry.Components.Pages;

/// <summary>Marker for PageText.resx / PageText.zh-CN.resx: the texts of the error and not-found pages.</summary>
public sealed class PageText;
