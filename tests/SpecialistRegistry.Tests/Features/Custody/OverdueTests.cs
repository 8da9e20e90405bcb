using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>The overdue arithmetic, the work list and the daily reminder job, all on a fake clock.</summary>
public sealed class OverdueTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private CustodyTestData _late = default!;
    private CustodyTestData _soon = default!;
    private CustodyTestData _later = default!;
    private string _officer = "";
    private string _lateFirmHr = "";
    private string _otherFirmHr = "";

    private DateOnly Today => DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _late = await CustodyTestData.CreateAsync(_app, "L-1", "Late Person", "E10000001");
        _soon = await CustodyTestData.CreateAsync(_app, "S-1", "Soon Person", "E10000002");
        _later = await CustodyTestData.CreateAsync(_app, "F-1", "Far Person", "E10000003");
        foreach (var d in new[] { _late, _soon, _later })
            await d.HandInAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        // Released today (2026-11-02): due back on the 4th, the 8th and the 30th.
        await _late.ReleaseAsync(Today, Today.AddDays(2));
        await _soon.ReleaseAsync(Today, Today.AddDays(6));
        await _later.ReleaseAsync(Today, Today.AddDays(28));
        _officer = await TestData.AddUserAsync(_app, Roles.CustodyOfficer, email: "officer@test.registry");
        _lateFirmHr = await TestData.AddUserAsync(_app, Roles.FirmHR, _late.Firm.Id, "hr-late@test.registry");
        _otherFirmHr = await TestData.AddUserAsync(_app, Roles.FirmHR, _later.Firm.Id, "hr-far@test.registry");
        await TestData.AddUserAsync(_app, Roles.Regulator);
        // These recipients read English (the test portal's default is Chinese); CustodyLanguageTests covers the Chinese.
        await _app.WithDbAsync(TestUsers.Admin, async db =>
        {
            foreach (var user in await db.Users.ToListAsync())
                user.Culture = "en";
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_work_list_shows_overdue_and_soon_due_passports_with_days_overdue_and_contacts()
    {
        _app.Clock.Advance(TimeSpan.FromDays(5)); // 2026-11-07: the first is 3 days late, the second due tomorrow.

        var list = await WorkListAsync(new OverdueQuery(WithinDays: 7));

        Assert.Equal(2, list.Total);
        Assert.Equal(1, list.Overdue);
        Assert.Equal(["Late Person", "Soon Person"], list.Rows.Select(r => r.LatinName));
        Assert.Equal(3, list.Rows[0].DaysOverdue);
        Assert.Equal(0, list.Rows[1].DaysOverdue);
        // The trip it left for: the travel approval's number and destination.
        Assert.Equal("Tokyo, Japan", list.Rows[0].Destination);
        Assert.Matches("^TA-2026-[0-9A-Z]{6}$", list.Rows[0].ApprovalReference);
        Assert.NotNull(list.Rows[0].TravelRequestId);
        Assert.Equal(_late.Firm.Name, list.Rows[0].FirmName);

        var wider = await WorkListAsync(new OverdueQuery(WithinDays: 30, Sort: OverdueSort.Name, Descending: true));
        Assert.Equal(["Soon Person", "Late Person", "Far Person"], wider.Rows.Select(r => r.LatinName));
    }

    [Fact]
    public async Task A_passport_is_not_overdue_on_its_due_back_day_and_is_on_the_day_after()
    {
        _app.Clock.Advance(TimeSpan.FromDays(2)); // the due-back day of the first
        Assert.Equal(0, (await WorkListAsync(new OverdueQuery(0))).Overdue);

        _app.Clock.Advance(TimeSpan.FromDays(1));
        var next = await WorkListAsync(new OverdueQuery(0));
        Assert.Equal(1, next.Overdue);
        Assert.Equal(1, next.Rows.Single().DaysOverdue);
    }

    [Fact]
    public async Task The_daily_job_notifies_officers_and_the_holders_firm_HR_once_a_day_and_writes_eml_files()
    {
        _app.Clock.Advance(TimeSpan.FromDays(5));
        var job = _app.Get<OverdueReminderJob>();

        var run = await job.RunOnceAsync();

        // Late (overdue) and Soon (due within 7 days): each to the officer; Late also to its firm's HR.
        Assert.Equal(new ReminderRun(2, 3, 2), run);
        await using (var db = _app.OpenDb())
        {
            var notices = await db.Notifications.AsNoTracking().ToListAsync();
            Assert.Equal(3, notices.Count);
            Assert.Equal(2, notices.Count(n => n.UserId == _officer));
            var hrNotice = Assert.Single(notices, n => n.UserId == _lateFirmHr);
            Assert.Equal(NotificationKind.PassportOverdue, hrNotice.Kind);
            Assert.Equal(_late.Specialist.Id, hrNotice.SpecialistId);
            Assert.Contains("was due back on 2026-11-04: 3 day(s) overdue", hrNotice.Message);
            Assert.Equal(NotificationKind.PassportDueBack, notices.Single(n => n.SpecialistId == _soon.Specialist.Id).Kind);
            Assert.DoesNotContain(notices, n => n.UserId == _otherFirmHr);
        }
        var mails = Directory.GetFiles(Path.Combine(_app.DataFolder, "mail-pickup"), "*.eml");
        Assert.Equal(2, mails.Length);
        var toHr = mails.Select(File.ReadAllText).Single(m => m.Contains("To: hr-late@test.registry"));
        Assert.Contains("Content-Type: text/plain; charset=utf-8", toHr);
        var body = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(toHr.Split("\r\n\r\n", 2)[1].Replace("\r\n", "")));
        Assert.Contains("3 day(s) overdue", body);

        // A second run the same day repeats nothing; the next day the still-late passports are raised again.
        _app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(new ReminderRun(2, 0, 0), await job.RunOnceAsync());
        _app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new ReminderRun(2, 3, 2), await job.RunOnceAsync());
    }

    [Fact]
    public async Task With_nothing_due_the_job_raises_nothing_and_sends_nothing()
    {
        var run = await _app.Get<OverdueReminderJob>().RunOnceAsync(); // on 2026-11-02, the first is due in 2 days: due soon

        Assert.Equal(2, run.Passports);
        foreach (var d in new[] { _late, _soon, _later })
        {
            var form = await d.ReturnFormAsync();
            Assert.IsType<CustodyOutcome.Logged>(await d.AsOfficerAsync(s => s.ReturnAsync(form)));
        }
        _app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new ReminderRun(0, 0, 0), await _app.Get<OverdueReminderJob>().RunOnceAsync());
    }

    [Theory]
    [InlineData("2026-11-02T00:30:00Z", 0.5)]
    [InlineData("2026-11-02T01:00:00Z", 24)]
    [InlineData("2026-11-02T09:00:00Z", 16)]
    public void The_job_waits_until_the_next_daily_run_hour(string now, double hours)
    {
        var job = _app.Get<OverdueReminderJob>();

        Assert.Equal(TimeSpan.FromHours(hours), job.UntilNextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<OverdueResult> WorkListAsync(OverdueQuery query)
    {
        await using var scope = _app.Scope(TestUsers.CustodyOfficer);
        return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OverdueWorkList>(scope.ServiceProvider).QueryAsync(query);
    }
}
