namespace SpecialistRegistry.Features.Custody;

/// <summary>
/// Marker for CustodyText.resx / CustodyText.zh-CN.resx: the custody pages, dialogs, receipts (printed in both
/// languages), CustodyService's and CustodyQueries' messages and the overdue reminders. Custody states and entry
/// kinds are EnumText labels.
/// </summary>
public sealed class CustodyText;
