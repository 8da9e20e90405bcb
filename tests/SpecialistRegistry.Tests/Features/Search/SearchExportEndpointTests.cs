using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Search;

/// <summary>The export endpoints over HTTP with real sign-in cookies, against the seeded demo data.</summary>
[Collection(WebCollection.Name)]
public sealed class SearchExportEndpointTests(RegistryWebFactory factory)
{
    private Task<HttpClient> SignInAsync(string role)
    {
        var (email, password, _, _) = DemoAccounts.All.Single(a => a.Role == role);
        return factory.SignedInClientAsync(email, password);
    }

    private async Task<T> WithDbAsync<T>(Func<RegistryDb, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        db.Actor = Actor.System;
        return await work(db);
    }

    private Task<int> ExportAuditsAsync() => WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ExportedSearchResults"));

    [Fact]
    public async Task A_regulator_exports_the_search_as_CSV_and_xlsx_and_each_export_is_audited_with_its_query()
    {
        var marker = $"Formulatest{Guid.NewGuid():N}"[..20];
        await WithDbAsync(async db =>
        {
            var firm = await db.Firms.OrderBy(f => f.Name).FirstAsync();
            db.Specialists.Add(new Specialist
            {
                FirmId = firm.Id, EmployeeNumber = $"X{Guid.NewGuid():N}"[..12], FullName = "=HYPERLINK(\"http://evil\")", LatinName = marker,
                Nationality = "China", DateOfBirth = new DateOnly(1980, 1, 1), HireDate = new DateOnly(2020, 1, 1),
            });
            return await db.SaveChangesAsync();
        });
        using var client = await SignInAsync(Roles.Regulator);
        var before = await ExportAuditsAsync();

        var csv = await client.GetAsync($"/search/export.csv?q={marker}");
        var xlsx = await client.GetAsync($"/search/export.xlsx?q={marker}&custody=NoPassport");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text);
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.True(csv.Headers.CacheControl?.NoStore);
        Assert.True(xlsx.Headers.CacheControl?.NoStore);
        Assert.Equal(before + 2, await ExportAuditsAsync());
        var last = await WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "ExportedSearchResults").OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Contains("custody=NoPassport", last.Changes);
        Assert.Contains(marker, last.Changes);
        Assert.NotEqual("system", last.ActorId);
    }

    [Fact]
    public async Task Firm_HR_custody_officers_admins_and_visitors_cannot_export()
    {
        var before = await ExportAuditsAsync();
        foreach (var role in new[] { Roles.FirmHR, Roles.CustodyOfficer, Roles.Admin })
        {
            using var client = await SignInAsync(role);
            var response = await client.GetAsync("/search/export.csv");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString ?? "");
        }
        using var anonymous = factory.CreateBrowserlessClient();
        var visitor = await anonymous.GetAsync("/search/export.xlsx");
        Assert.NotEqual(HttpStatusCode.OK, visitor.StatusCode);

        Assert.Equal(before, await ExportAuditsAsync());
    }

    [Fact]
    public async Task An_over_long_query_is_refused_with_a_message_and_not_exported()
    {
        using var client = await SignInAsync(Roles.Regulator);

        var response = await client.GetAsync($"/search/export.csv?q={new string('a', 5000)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("longer than", await response.Content.ReadAsStringAsync());
    }
}
