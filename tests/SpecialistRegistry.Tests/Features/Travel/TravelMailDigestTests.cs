using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Features.Travel;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Travel;

/// <summary>
/// Travel notices reach the daily mail digest (the custody reminders' e-mail), in the recipient's language,
/// each notice mailed once however often the digest runs.
/// </summary>
public sealed class TravelMailDigestTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Decisions_questions_and_approvals_reach_the_daily_digest_once_in_each_recipients_language(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await TravelScenario.CreateAsync(app);
        var hrId = s.Id(s.Hr);
        await using (var db = app.OpenDb())
        {
            var hr = await db.Users.SingleAsync(u => u.Id == hrId);
            hr.Culture = "zh-CN";
            await db.SaveChangesAsync();
        }
        var asked = await app.RequestAsync(s.Person, s.Today.AddDays(10), s.Today.AddDays(12));
        Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(asked, TravelDecision.AskForInformation, s.Regulator, text: "Who invited him?"));
        var approved = await app.RequestAsync(s.Person, s.Today.AddDays(20), s.Today.AddDays(25), city: "Osaka");
        Assert.IsType<TravelOutcome.Saved>(await app.DecideAsync(approved, TravelDecision.Approve, s.Regulator));
        var number = (await app.TripAsync(approved)).ApprovalNumber!;

        var run = await app.Get<OverdueReminderJob>().RunOnceAsync();

        Assert.Equal(0, run.Passports);
        Assert.Equal(3, run.TravelNotices); // HR: questioned and approved; the office: approved
        Assert.Equal(2, run.Emails);
        var mails = Mails(app);
        var toHr = Assert.Single(mails, m => m.To == EmailOf(app, hrId));
        Assert.Contains("出境审批：2 条新消息", toHr.Subject);
        Assert.Contains("自上次汇总以来的出境审批消息：", toHr.Body);
        Assert.Contains(number, toHr.Body);
        // Each of HR's in-app notices, written in Chinese when it was raised, is in the mail as written.
        var hrNotices = await s.NotificationsAsync(s.Hr);
        Assert.Equal(2, hrNotices.Count);
        Assert.All(hrNotices, n => Assert.Contains("- " + n.Message, toHr.Body));
        Assert.Contains(hrNotices, n => n.Kind == NotificationKind.TravelQuestioned && n.Message.Contains("提出了问题"));
        var toOffice = Assert.Single(mails, m => m.To == EmailOf(app, s.Id(s.Officer)));
        Assert.Equal("Travel approvals: 1 new notices", toOffice.Subject);
        Assert.Contains(number, toOffice.Body);

        // A second run mails nothing again; a later notice goes out with the next digest.
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await app.Get<OverdueReminderJob>().RunOnceAsync()).Emails);
        Assert.Equal(2, Mails(app).Count);
    }

    private sealed record Mail(string To, string Subject, string Body);

    private static string EmailOf(TestApp app, string userId)
    {
        using var db = app.OpenDb();
        return db.Users.Single(u => u.Id == userId).Email!;
    }

    private static List<Mail> Mails(TestApp app)
    {
        var folder = Path.Combine(app.DataFolder, "mail-pickup");
        if (!Directory.Exists(folder))
            return [];
        return Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Select(m =>
        {
            var (head, body) = (m.Split("\r\n\r\n", 2)[0], m.Split("\r\n\r\n", 2)[1]);
            var headers = head.Split("\r\n");
            string Header(string name) => headers.First(h => h.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))[(name.Length + 2)..];
            return new Mail(Header("To"), Decode(Header("Subject")), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", ""))));
        }).ToList();
    }

    // Subjects outside ASCII are RFC 2047 encoded ("=?utf-8?B?...?=").
    private static string Decode(string subject) =>
        System.Text.RegularExpressions.Regex.Replace(subject, @"=\?utf-8\?B\?([^?]*)\?=", m => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)), System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
