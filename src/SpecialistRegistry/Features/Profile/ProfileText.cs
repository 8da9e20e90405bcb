namespace SpecialistRegistry.Features.Profile;

/// <summary>Marker for ProfileText.resx / ProfileText.zh-CN.resx: the specialist profile, the reveal dialog and ProfileService's messages.</summary>
public sealed class ProfileText;
