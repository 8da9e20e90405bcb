namespace SpecialistRegistry.Features.Flags;

/// <summary>
/// Marker for FlagsText.resx / FlagsText.zh-CN.resx: the flags pages, dialogs and FlagService's messages.
/// (Not "FlagText": that is the domain's enum-label helper.) Reasons, severities and states are EnumText labels.
/// </summary>
public sealed class FlagsText;
