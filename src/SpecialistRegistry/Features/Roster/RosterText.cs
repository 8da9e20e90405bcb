namespace SpecialistRegistry.Features.Roster;

/// <summary>
/// Marker for RosterText.resx / RosterText.zh-CN.resx: the roster pages', the editor's and the import's texts,
/// read with <c>IStringLocalizer&lt;RosterText&gt;</c> (docs/localization.md).
/// </summary>
public sealed class RosterText;
