namespace SpecialistRegistry.Features.Matching;

/// <summary>Marker for MatchingText.resx / MatchingText.zh-CN.resx: the possible-duplicates page, its dialog and MatchingService's messages.</summary>
public sealed class MatchingText;
