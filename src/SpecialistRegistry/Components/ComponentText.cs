namespace SpecialistRegistry.Components;

/// <summary>
/// Marker for ComponentText.resx / ComponentText.zh-CN.resx: the texts of the layout and the shared components,
/// read with <c>IStringLocalizer&lt;ComponentText&gt;</c>. Each feature folder has a pair of its own (see docs/localization.md).
/// </summary>
public sealed class ComponentText;
