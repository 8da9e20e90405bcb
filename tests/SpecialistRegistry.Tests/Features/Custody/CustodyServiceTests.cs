using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Custody;

public sealed class CustodyServiceTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private CustodyTestData _data = default!;
    private DateOnly Today => DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = await CustodyTestData.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HandIn_writes_the_event_with_a_receipt_and_an_audit_entry()
    {
        var logged = await _data.HandInAsync();

        var passport = await _data.PassportAsync();
        Assert.Equal(CustodyStatus.Held, passport.CustodyStatus);
        var e = Assert.Single(await _data.EventsAsync());
        Assert.Equal(CustodyEventKind.HandIn, e.Kind);
        Assert.Equal("Safe A, slot 12", e.StorageLocation);
        Assert.Equal("Good", e.Condition);
        Assert.Equal("Wang Wei", e.AcknowledgedBy);
        Assert.Equal("Test CustodyOfficer", e.OfficerName);
        Assert.Equal(_app.Clock.GetUtcNow(), e.OccurredAt);
        Assert.Equal(logged.ReceiptNumber, e.ReceiptNumber);
        Assert.Matches(@"^CR-20261102-[0-9A-Z]{6}$", e.ReceiptNumber);
        Assert.Matches(@"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", e.VerificationCode);
        await using var db = _app.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CustodyEvent) && a.EntityKey == e.Id.ToString()));
    }

    [Fact]
    public async Task A_passport_in_hand_that_differs_from_the_registry_cannot_be_logged_and_every_difference_is_named_without_giving_the_registry_values_away()
    {
        var form = await _data.HandInFormAsync();
        form.Number = "e1234 5679";
        form.IssuingCountry = "Japan";
        form.ExpiresOn = new DateOnly(2031, 1, 1);

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.HandInAsync(form)));

        var message = outcome.Errors[""];
        Assert.Contains("Number: in hand E12345679, registry ••••5678.", message);
        Assert.Contains("Issuing country: in hand Japan, registry China.", message);
        Assert.Contains("Expiry date: in hand 2031-01-01, which is not the expiry date in the registry.", message);
        Assert.DoesNotContain("E12345678", message);
        Assert.DoesNotContain("2030-01-01", message);
        Assert.Empty(await _data.EventsAsync());
        Assert.Equal(CustodyStatus.NotHeld, (await _data.PassportAsync()).CustodyStatus);
    }

    [Fact]
    public async Task A_number_typed_with_spaces_and_lower_case_matches_and_only_the_differing_field_is_named()
    {
        var form = await _data.HandInFormAsync();
        form.Number = "e 1234-5678";
        form.IssuingCountry = "china";
        form.ExpiresOn = new DateOnly(2030, 1, 2);

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.HandInAsync(form)));

        Assert.DoesNotContain("Number:", outcome.Errors[""]);
        Assert.DoesNotContain("Issuing country:", outcome.Errors[""]);
        Assert.Contains("Expiry date: in hand 2030-01-02, which is not the expiry date in the registry.", outcome.Errors[""]);
    }

    [Fact]
    public async Task A_hand_in_in_the_future_is_refused_and_changes_nothing()
    {
        var form = await _data.HandInFormAsync();
        form.OccurredAt = _app.Clock.GetUtcNow().AddHours(3);

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.HandInAsync(form)));

        Assert.StartsWith("The hand-in time cannot be in the future", outcome.Errors[nameof(HandInInput.OccurredAt)]);
        Assert.Empty(await _data.EventsAsync());
    }

    [Fact]
    public async Task A_back_dated_hand_in_is_kept_at_the_time_given()
    {
        var form = await _data.HandInFormAsync();
        var yesterday = _app.Clock.GetUtcNow().AddDays(-1);
        form.OccurredAt = yesterday;

        Assert.IsType<CustodyOutcome.Logged>(await _data.AsOfficerAsync(s => s.HandInAsync(form)));

        Assert.Equal(yesterday, Assert.Single(await _data.EventsAsync()).OccurredAt);
    }

    [Fact]
    public async Task A_hand_in_needs_a_place_a_condition_and_both_parties_acknowledgement()
    {
        var form = await _data.HandInFormAsync();
        form.Safe = " ";
        form.Slot = "";
        form.Condition = "";
        form.AcknowledgedBy = "";
        form.BothPartiesAcknowledge = false;

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.HandInAsync(form)));

        Assert.Equal(
            [nameof(HandInInput.AcknowledgedBy), nameof(HandInInput.BothPartiesAcknowledge), nameof(HandInInput.Condition), nameof(HandInInput.Safe), nameof(HandInInput.Slot)],
            outcome.Errors.Keys.Order());
        Assert.Empty(await _data.EventsAsync());
    }

    [Fact]
    public async Task Handing_in_a_held_passport_is_refused_with_a_clear_message()
    {
        await _data.HandInAsync();
        var form = await _data.HandInFormAsync();

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.HandInAsync(form)));

        Assert.Equal("A passport that is held cannot be handed in.", outcome.Errors[""]);
        Assert.Single(await _data.EventsAsync());
    }

    [Fact]
    public async Task Releasing_a_passport_that_is_not_held_is_refused()
    {
        var form = await _data.ReleaseFormAsync(Today.AddDays(1), Today.AddDays(10));

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.ReleaseAsync(form)));

        Assert.Equal("A passport that is not held cannot be released.", outcome.Errors[""]);
        Assert.Empty(await _data.EventsAsync());
    }

    [Fact]
    public async Task Returning_a_passport_that_is_not_released_is_refused()
    {
        await _data.HandInAsync();
        var form = await _data.ReturnFormAsync();

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.ReturnAsync(form)));

        Assert.Equal("A passport that is held cannot be returned.", outcome.Errors[""]);
    }

    [Fact]
    public async Task A_release_without_an_approved_trip_is_refused_and_changes_nothing()
    {
        await _data.HandInAsync();
        var form = await _data.ReleaseFormAsync(travelRequestId: null);

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.ReleaseAsync(form)));

        Assert.Equal("Choose the approved trip this release is for: a passport leaves custody only for travel the regulator approved.",
            outcome.Errors[nameof(ReleaseInput.TravelRequestId)]);
        Assert.Equal(CustodyStatus.Held, (await _data.PassportAsync()).CustodyStatus);
        Assert.Single(await _data.EventsAsync());
    }

    [Fact]
    public async Task A_release_due_back_after_the_passport_expires_is_refused()
    {
        await _data.HandInAsync();
        // Approved return 2029-12-31 is within the passport's validity; with the grace days it is due back after it expires.
        var form = await _data.ReleaseFormAsync(Today.AddDays(1), new DateOnly(2029, 12, 31).AddDays(_data.GraceDays));

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.ReleaseAsync(form)));

        Assert.Equal("The passport expires on 2030-01-01, before it is due back on 2030-01-02. Renew it first.", outcome.Errors[""]);
        Assert.Equal(CustodyStatus.Held, (await _data.PassportAsync()).CustodyStatus);
    }

    [Fact]
    public async Task Release_then_return_on_time_records_no_lateness()
    {
        await _data.HandInAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var release = await _data.ReleaseAsync(Today.AddDays(1), Today.AddDays(10));
        Assert.NotNull(release.ReceiptNumber);
        Assert.Equal(Today.AddDays(10), (await _data.PassportAsync()).DueBackOn);

        _app.Clock.Advance(TimeSpan.FromDays(10));
        var form = await _data.ReturnFormAsync();
        Assert.IsType<CustodyOutcome.Logged>(await _data.AsOfficerAsync(s => s.ReturnAsync(form)));

        var passport = await _data.PassportAsync();
        Assert.Equal(CustodyStatus.Held, passport.CustodyStatus);
        Assert.Null(passport.DueBackOn);
        var returned = (await _data.EventsAsync())[^1];
        Assert.Equal(0, returned.LateByDays);
        Assert.Equal("Safe B, slot 3", returned.StorageLocation);
    }

    [Fact]
    public async Task A_late_return_records_how_many_days_late()
    {
        await _data.HandInAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await _data.ReleaseAsync(Today.AddDays(1), Today.AddDays(3));
        _app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.True((await _data.PassportAsync()).IsOverdue(Today));

        var form = await _data.ReturnFormAsync();
        Assert.IsType<CustodyOutcome.Logged>(await _data.AsOfficerAsync(s => s.ReturnAsync(form)));

        var returned = (await _data.EventsAsync())[^1];
        Assert.Equal(5, returned.LateByDays);
        Assert.Equal(new DateOnly(2026, 11, 5), returned.DueBackOn);
    }

    [Fact]
    public async Task A_return_dated_before_the_release_is_refused()
    {
        await _data.HandInAsync();
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await _data.ReleaseAsync(Today.AddDays(1), Today.AddDays(3));
        var form = await _data.ReturnFormAsync();
        form.OccurredAt = _app.Clock.GetUtcNow().AddHours(-2);

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.ReturnAsync(form)));

        Assert.StartsWith("The time cannot be before the passport's last custody entry", outcome.Errors[nameof(ReturnInput.OccurredAt)]);
    }

    [Fact]
    public async Task Lost_and_retired_need_a_note_and_follow_the_state_machine()
    {
        var noNote = new CloseInput { PassportId = _data.PassportId, Version = (await _data.PassportAsync()).Version, Note = " " };
        Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.ReportLostAsync(noNote)));

        var lost = noNote with { Note = "Lost in Frankfurt airport; police report 4471" };
        Assert.IsType<CustodyOutcome.Logged>(await _data.AsOfficerAsync(s => s.ReportLostAsync(lost)));
        Assert.Equal(CustodyStatus.Lost, (await _data.PassportAsync()).CustodyStatus);

        var again = lost with { Version = (await _data.PassportAsync()).Version };
        var refused = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.ReportLostAsync(again)));
        Assert.Equal("A passport that is reported lost cannot be reported lost.", refused.Errors[""]);

        var retire = again with { Note = "Cancelled by the issuing authority" };
        Assert.IsType<CustodyOutcome.Logged>(await _data.AsOfficerAsync(s => s.RetireAsync(retire)));
        var passport = await _data.PassportAsync();
        Assert.Equal(CustodyStatus.Retired, passport.CustodyStatus);
        Assert.False(passport.IsCurrent);
    }

    [Fact]
    public async Task A_renewed_passport_replaces_a_held_one_and_custody_continues_on_the_new_one()
    {
        await _data.HandInAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var input = new ReplaceInput
        {
            PassportId = _data.PassportId, Version = (await _data.PassportAsync()).Version, Number = "EA7654321",
            IssuingCountry = "China", IssuedOn = Today.AddDays(-3), ExpiresOn = Today.AddYears(10), Note = "Renewed: old one expiring",
        };

        var logged = Assert.IsType<CustodyOutcome.Logged>(await _data.AsOfficerAsync(s => s.ReplaceAsync(input)));

        var old = await _data.PassportAsync();
        var successor = await _data.PassportAsync(logged.PassportId);
        Assert.Equal(CustodyStatus.Retired, old.CustodyStatus);
        Assert.False(old.IsCurrent);
        Assert.Equal(old.Id, successor.ReplacesPassportId);
        Assert.True(successor.IsCurrent);
        Assert.Equal(CustodyStatus.Held, successor.CustodyStatus);
        Assert.Equal(logged.PassportId, (await _data.EventsAsync())[^1].ReplacedByPassportId);
        var handIn = Assert.Single(await _data.EventsAsync(logged.PassportId));
        Assert.Equal("Safe A, slot 12", handIn.StorageLocation);
        Assert.Equal(logged.ReceiptNumber, handIn.ReceiptNumber);

        var chain = await _data.QueryAsync(q => q.PassportAsync(logged.PassportId));
        Assert.Equal(old.Id, chain!.ReplacesPassportId);
    }

    [Fact]
    public async Task A_replacement_with_a_number_already_in_the_registry_is_refused()
    {
        var other = await CustodyTestData.CreateAsync(_app, "E-002", "Li Na", "G99887766");
        var input = new ReplaceInput
        {
            PassportId = _data.PassportId, Version = (await _data.PassportAsync()).Version, Number = "g 9988 7766",
            IssuingCountry = "China", IssuedOn = Today.AddDays(-3), ExpiresOn = Today.AddYears(10),
        };

        var outcome = Assert.IsType<CustodyOutcome.Invalid>(await _data.AsOfficerAsync(s => s.ReplaceAsync(input)));

        Assert.Equal("This passport number is already in the registry.", outcome.Errors[nameof(ReplaceInput.Number)]);
        Assert.Equal(CustodyStatus.NotHeld, (await _data.PassportAsync()).CustodyStatus);
        Assert.Equal(CustodyStatus.NotHeld, (await other.PassportAsync()).CustodyStatus);
    }

    [Fact]
    public async Task An_entry_made_from_a_stale_view_is_refused_and_says_so()
    {
        var stale = await _data.HandInFormAsync();
        await _data.HandInAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        var outcome = Assert.IsType<CustodyOutcome.Conflict>(await _data.AsOfficerAsync(s => s.HandInAsync(stale)));

        Assert.Contains("This passport changed after you opened it", outcome.Message);
        Assert.Contains("it is now held. Nothing was saved.", outcome.Message);
        Assert.Single(await _data.EventsAsync());
    }

    [Fact]
    public async Task Search_finds_by_exact_passport_number_or_by_name_and_shows_numbers_in_full_to_officers_only()
    {
        await CustodyTestData.CreateAsync(_app, "E-009", "Zhang Min", "E99990000");
        await _data.HandInAsync(); // before the hand-in even the officer sees it masked (MaskedBeforeHandInTests)

        var byNumber = await _data.QueryAsync(q => q.SearchAsync("e1234 5678"));
        var byName = await _data.QueryAsync(q => q.SearchAsync("zhang"));
        var partialNumber = await _data.QueryAsync(q => q.SearchAsync("E1234"));
        var asRegulator = await _data.QueryAsync(q => q.SearchAsync("E12345678"), TestUsers.Regulator);

        Assert.Equal("E12345678", Assert.Single(byNumber).Number);
        Assert.Equal("Zhang Min", Assert.Single(byName).LatinName);
        Assert.Empty(partialNumber);
        Assert.Equal("••••5678", Assert.Single(asRegulator).Number);
    }

    [Fact]
    public async Task Search_by_status_lists_current_passports_in_that_status_with_or_without_a_name()
    {
        var other = await CustodyTestData.CreateAsync(_app, "E-010", "Zhou Kai", "E55550000");
        await other.HandInAsync();

        var notDeposited = await _data.QueryAsync(q => q.SearchAsync(null, CustodyStatus.NotHeld));
        var held = await _data.QueryAsync(q => q.SearchAsync(null, CustodyStatus.Held));
        var heldNamedWang = await _data.QueryAsync(q => q.SearchAsync("wang", CustodyStatus.Held));
        var nothing = await _data.QueryAsync(q => q.SearchAsync("  ", null));

        Assert.Equal("Wang Wei", Assert.Single(notDeposited).LatinName);
        Assert.Equal("Zhou Kai", Assert.Single(held).LatinName);
        Assert.Empty(heldNamedWang);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task Firm_HR_reads_the_chain_of_their_own_staff_only()
    {
        await _data.HandInAsync();
        var otherFirm = await TestData.AddFirmAsync(_app);

        var own = await _data.QueryAsync(q => q.PassportAsync(_data.PassportId), TestUsers.FirmHr(_data.Firm.Id));
        var foreign = await _data.QueryAsync(q => q.PassportAsync(_data.PassportId), TestUsers.FirmHr(otherFirm.Id));

        Assert.NotNull(own);
        Assert.Equal("••••5678", own.Number);
        Assert.Equal("Safe A, slot 12", own.LastLocation);
        Assert.Single(own.Chain);
        Assert.Null(foreign);
    }
}
