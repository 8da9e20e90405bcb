namespace SpecialistRegistry.Features.Dashboard;

/// <summary>Marker for DashboardText.resx / DashboardText.zh-CN.resx: the regulator's dashboard and its charts.</summary>
public sealed class DashboardText;
