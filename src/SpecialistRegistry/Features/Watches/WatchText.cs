namespace SpecialistRegistry.Features.Watches;

/// <summary>
/// Marker for WatchText.resx / WatchText.zh-CN.resx: the watch toggle and the watched-specialists page. The
/// notifications themselves are composed in their recipients' language from Data/NotificationText.resx.
/// </summary>
public sealed class WatchText;
