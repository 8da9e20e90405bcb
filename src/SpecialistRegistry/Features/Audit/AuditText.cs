namespace SpecialistRegistry.Features.Audit;

/// <summary>
/// Marker for AuditText.resx / AuditText.zh-CN.resx: the audit trail page and how its codes read
/// (<see cref="AuditLabels"/>). Components read it with <c>IStringLocalizer&lt;AuditText&gt;</c>.
/// </summary>
public sealed class AuditText;
