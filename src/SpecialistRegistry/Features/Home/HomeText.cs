namespace SpecialistRegistry.Features.Home;

/// <summary>Marker for HomeText.resx / HomeText.zh-CN.resx: the home page of each role and its next-filing card.</summary>
public sealed class HomeText;
