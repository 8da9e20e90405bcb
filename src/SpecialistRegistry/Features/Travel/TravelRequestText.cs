namespace SpecialistRegistry.Features.Travel;

/// <summary>
/// Marker for TravelRequestText.resx / TravelRequestText.zh-CN.resx: the travel pages, panels and dialogs, the
/// messages of TravelService and the travel notifications. (Not "TravelText": that is the domain's label helper.)
/// Purposes and states are EnumText labels.
/// </summary>
public sealed class TravelRequestText;
