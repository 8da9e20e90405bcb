using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Seed;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>The travel pages over HTTP with the demo data and real sign-in cookies, as a browser first receives them.</summary>
[Collection(WebCollection.Name)]
public sealed class TravelHttpTests(RegistryWebFactory factory)
{
    [Fact]
    public async Task The_demo_Firm_HR_opening_another_firm_s_request_gets_not_found_and_none_of_it()
    {
        var (theirs, mine) = await DemoTripsAsync();
        using var client = await factory.SignedInClientAsync(DemoAccounts.FirmHrEmail, "DemoFirmHR-2026");

        var other = await client.GetAsync($"/travel/{theirs.Id}");
        var own = await client.GetStringAsync($"/travel/{mine.Id}");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var html = await other.Content.ReadAsStringAsync();
        Assert.Contains("Travel request not found", html);
        Assert.DoesNotContain(theirs.DestinationCity, html);
        Assert.DoesNotContain(theirs.Itinerary, html);
        Assert.Contains(mine.DestinationCity, own);
    }

    [Fact]
    public async Task The_demo_custody_officer_reads_an_approved_trip_but_not_a_pending_one()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var approved = await db.TravelRequests.FirstAsync(t => t.Status == TravelStatus.Approved);
        var pending = await db.TravelRequests.FirstAsync(t => t.Status == TravelStatus.Pending);
        using var client = await factory.SignedInClientAsync(DemoAccounts.CustodyEmail, "DemoCustody-2026");

        Assert.Contains(approved.ApprovalNumber!, await client.GetStringAsync($"/travel/{approved.Id}"));
        var hidden = await client.GetStringAsync($"/travel/{pending.Id}");
        Assert.Contains("Travel request not found", hidden);
        Assert.DoesNotContain(pending.Itinerary, hidden);
    }

    private async Task<(TravelRequest Theirs, TravelRequest Mine)> DemoTripsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<Func<RegistryDb>>()();
        var hrFirm = await db.Users.Where(u => u.Email == DemoAccounts.FirmHrEmail).Select(u => u.FirmId).SingleAsync();
        return (await db.TravelRequests.FirstAsync(t => t.FirmId != hrFirm), await db.TravelRequests.FirstAsync(t => t.FirmId == hrFirm));
    }
}
