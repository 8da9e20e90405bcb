using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Audit;
using SpecialistRegistry.Tests.Data;
using SpecialistRegistry.Tests.Infrastructure;

using static SpecialistRegistry.Tests.Features.Audit.AuditTrailData;

namespace SpecialistRegistry.Tests.Features.Audit;

/// <summary>
/// The trail shows a role only the values it may read elsewhere: an Admin sees who changed which specialist
/// field, never the name, birth date or phone; a Regulator sees them all; the firm and account entries an Admin
/// manages keep their values for the Admin.
/// </summary>
public sealed class AuditVisibilityTests
{
    private const string Name = "司马相如";
    private const string Phone = "+86 139 0571 2345";

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_admin_reads_which_specialist_fields_changed_but_no_value(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddSpecialistAsync(app);

        var page = await PageAsync(app, AuditTrailData.Admin, new AuditQuery { EntityType = nameof(Specialist) });

        var row = Assert.Single(page.Rows);
        Assert.True(row.ValuesHidden);
        Assert.Contains(row.Changes, c => c.Field == nameof(Specialist.FullName));
        Assert.All(row.Changes, c => Assert.True(c.Old is null && c.New is null, $"{c.Field} carries a value."));
        Assert.DoesNotContain(Name, row.Summary);
        Assert.DoesNotContain("1990-03-07", row.Summary);
        Assert.Contains("values hidden", row.Summary);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_regulator_reads_every_value_and_an_admin_reads_the_firm_values(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddSpecialistAsync(app);

        var asRegulator = Assert.Single((await PageAsync(app, Regulator, new AuditQuery { EntityType = nameof(Specialist) })).Rows);
        var firmAsAdmin = Assert.Single((await PageAsync(app, AuditTrailData.Admin, new AuditQuery { EntityType = nameof(Firm) })).Rows);

        Assert.False(asRegulator.ValuesHidden);
        Assert.Contains(asRegulator.Changes, c => c.Field == nameof(Specialist.FullName) && c.New == Name);
        Assert.Contains(asRegulator.Changes, c => c.Field == nameof(Specialist.Phone) && c.New == Phone);
        Assert.False(firmAsAdmin.ValuesHidden);
        Assert.Contains(firmAsAdmin.Changes, c => c.Field == nameof(Firm.Name) && c.New == "Test Magnets");
    }

    [Theory]
    [InlineData(Roles.Regulator, nameof(Specialist), true)]
    [InlineData(Roles.Admin, nameof(Specialist), false)]
    [InlineData(Roles.Admin, nameof(Passport), false)]
    [InlineData(Roles.Admin, "CustodyEvent", false)]
    [InlineData(Roles.Admin, "TravelRequest", false)]
    [InlineData(Roles.Admin, nameof(Firm), true)]
    [InlineData(Roles.Admin, "ApplicationUser", true)]
    [InlineData(Roles.FirmHR, nameof(Firm), false)]
    [InlineData(Roles.CustodyOfficer, nameof(Passport), false)]
    public void Each_role_reads_the_values_of_what_it_manages(string role, string entityType, bool visible) =>
        Assert.Equal(visible, AuditVisibility.ValuesVisible(role, entityType));

    private static async Task AddSpecialistAsync(TestApp app)
    {
        var protector = app.Get<FieldProtector>();
        var firm = TestRecords.Firm();
        var specialist = TestRecords.Specialist(firm.Id, protector);
        specialist.FullName = Name;
        specialist.Phone = Phone;
        await app.WithDbAsync(TestUsers.FirmHr(firm.Id), async db =>
        {
            db.AddRange(firm, specialist);
            await db.SaveChangesAsync();
        });
    }

    private static async Task<AuditPage> PageAsync(TestApp app, ClaimsPrincipal reader, AuditQuery query)
    {
        await using var scope = app.Scope(reader);
        return await scope.ServiceProvider.GetRequiredService<AuditTrailService>().GetPageAsync(query);
    }
}
