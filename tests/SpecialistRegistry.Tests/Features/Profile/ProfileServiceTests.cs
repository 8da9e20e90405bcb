using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Profile;
using SpecialistRegistry.Tests.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Profile;

public sealed class ProfileServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private SearchTestData _data = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = await SearchTestData.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<T> AsAsync<T>(System.Security.Claims.ClaimsPrincipal user, Func<ProfileService, Task<T>> work)
    {
        await using var scope = _app.Scope(user);
        return await work(scope.ServiceProvider.GetRequiredService<ProfileService>());
    }

    private Task<int> RevealCountAsync() =>
        _app.WithDbAsync(null, db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("Revealed")));

    [Fact]
    public async Task The_profile_shows_the_record_custody_timeline_filings_flags_and_history_with_numbers_masked()
    {
        var period = TestFilings.Quarter(_app.Clock.GetUtcNow(), quarter: 3);
        var filing = TestFilings.Make(_data.Separation.Id, period, FilingStatus.Submitted, _app.Clock.GetUtcNow(), _data.Li).Single();
        await _app.WithDbAsync(TestUsers.Admin, async db => { db.Add(period); db.Filings.Add(filing); await db.SaveChangesAsync(); });

        var p = await AsAsync(TestUsers.Regulator, s => s.LoadAsync(_data.Li.Id));

        Assert.NotNull(p);
        Assert.Equal("李娜", p.FullName);
        Assert.Equal(_data.Separation.Name, p.FirmName);
        Assert.Equal("Tsinghua University", Assert.Single(p.Education).Institution);
        var passport = Assert.Single(p.Passports);
        Assert.Equal("••••4321", passport.Masked);
        Assert.Equal(CustodyStatus.Released, passport.Status);
        Assert.Equal([CustodyEventKind.Release, CustodyEventKind.HandIn], passport.Events.Select(e => e.Kind));
        Assert.Equal("2026-Q3", Assert.Single(p.Filings).Period);
        Assert.Equal(FlagReason.OverdueReturn, Assert.Single(p.Flags).Reason);
        Assert.Contains(p.History, h => h.EntityType == nameof(Specialist) && h.Action == "Added");
        Assert.Contains(p.History, h => h.EntityType == nameof(CustodyEvent));
        Assert.Contains(p.History, h => h.EntityType == nameof(Flag));
        Assert.DoesNotContain(p.History.SelectMany(h => h.Changes), c => (c.New ?? "").Contains(SearchTestData.LiPassport));
    }

    [Fact]
    public async Task Revealing_a_passport_number_needs_a_reason_and_leaves_an_audit_entry_with_it()
    {
        var passportId = _data.Li.Passports[0].Id;

        var refused = await AsAsync(TestUsers.Regulator, s => s.RevealAsync(_data.Li.Id, RevealField.Passport, passportId, "  "));
        Assert.Null(refused.Value);
        Assert.NotNull(refused.Error);
        Assert.Equal(0, await RevealCountAsync());

        var shown = await AsAsync(TestUsers.Regulator, s => s.RevealAsync(_data.Li.Id, RevealField.Passport, passportId, "Overdue return inquiry REF-7"));

        Assert.Equal(SearchTestData.LiPassport, shown.Value);
        var entry = await _app.WithDbAsync(null, db => db.AuditEntries.SingleAsync(a => a.Action == "RevealedPassportNumber"));
        Assert.Equal(passportId.ToString(), entry.EntityKey);
        Assert.Equal("test-regulator", entry.ActorId);
        Assert.Contains("Overdue return inquiry REF-7", entry.Changes);
        var history = (await AsAsync(TestUsers.Regulator, s => s.LoadAsync(_data.Li.Id)))!.History;
        Assert.Contains(history, h => h.Action == "RevealedPassportNumber");
    }

    [Fact]
    public async Task Revealing_a_national_ID_number_is_audited_too()
    {
        var shown = await AsAsync(TestUsers.Regulator, s => s.RevealAsync(_data.Wang.Id, RevealField.NationalId, null, "Identity check for case 12"));

        Assert.Equal(SearchTestData.WangNationalId, shown.Value);
        var entry = await _app.WithDbAsync(null, db => db.AuditEntries.SingleAsync(a => a.Action == "RevealedNationalId"));
        Assert.Equal(_data.Wang.Id.ToString(), entry.EntityKey);
        Assert.Contains("Identity check for case 12", entry.Changes);
    }

    [Fact]
    public async Task A_passport_of_someone_else_or_a_missing_number_is_not_revealed()
    {
        var otherPassport = await AsAsync(TestUsers.Regulator, s => s.RevealAsync(_data.Wang.Id, RevealField.Passport, _data.Li.Passports[0].Id, "Checking the wrong person"));
        var none = await AsAsync(TestUsers.Regulator, s => s.RevealAsync(_data.Zhang.Id, RevealField.NationalId, null, "Nothing on file here"));

        Assert.Null(otherPassport.Value);
        Assert.Null(none.Value);
        Assert.Equal(0, await RevealCountAsync());
    }

    [Fact]
    public async Task Firm_HR_and_custody_officers_get_no_profile_and_no_reveal()
    {
        foreach (var user in new[] { TestUsers.FirmHr(_data.Separation.Id), TestUsers.CustodyOfficer, TestUsers.Admin })
        {
            Assert.Null(await AsAsync(user, s => s.LoadAsync(_data.Li.Id)));
            var reveal = await AsAsync(user, s => s.RevealAsync(_data.Li.Id, RevealField.Passport, _data.Li.Passports[0].Id, "I would like to see it"));
            Assert.Null(reveal.Value);
        }
        Assert.Equal(0, await RevealCountAsync());
    }

    [Fact]
    public async Task An_unknown_id_has_no_profile()
    {
        Assert.Null(await AsAsync(TestUsers.Regulator, s => s.LoadAsync(Guid.CreateVersion7())));
    }
}
