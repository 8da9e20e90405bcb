namespace SpecialistRegistry.Features.Filings;

/// <summary>
/// Marker for FilingsText.resx / FilingsText.zh-CN.resx: the filing pages, dialogs, receipts and the filing services'
/// messages. (Not "FilingText": that is the helper for how states and changes look.) States and kinds of change are EnumText labels.
/// </summary>
public sealed class FilingsText;
