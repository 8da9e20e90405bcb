using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

public sealed class AuditInterceptorTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Adding_a_firm_writes_an_audit_entry_with_actor_and_new_values_in_the_same_save(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await CountAuditAsync(app);

        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Firms.Add(new Firm { Name = "Test Magnets", CreditCode = "91330200MA2G9Y3K1Z", Region = "Zhejiang" });
            await db.SaveChangesAsync();
        });

        await using var check = app.OpenDb();
        var entry = await check.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Equal(before + 1, entry.Sequence);
        Assert.Equal("Added", entry.Action);
        Assert.Equal(nameof(Firm), entry.EntityType);
        Assert.Equal("test-admin", entry.ActorId);
        Assert.Contains("Test Magnets", entry.Changes);
        Assert.Null(AuditChain.FindFirstBreak(await check.AuditEntries.OrderBy(a => a.Sequence).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Modifying_an_entity_records_only_the_changed_fields_old_to_new(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = TestRecords.Firm("Old Name Magnets");
        await app.WithDbAsync(TestUsers.Admin, db => { db.Firms.Add(firm); return db.SaveChangesAsync(); });

        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            var loaded = await db.Firms.SingleAsync(f => f.Id == firm.Id);
            loaded.Name = "New Name Magnets";
            loaded.ContactName = "Li Na";
            await db.SaveChangesAsync();
        });

        var entry = (await TestRecords.AuditTrailAsync(app))[^1];
        Assert.Equal(("Modified", nameof(Firm), firm.Id.ToString()), (entry.Action, entry.EntityType, entry.EntityKey));
        var changes = TestRecords.ChangesOf(entry);
        // Region, CreditCode and the renewed Version token did not change in a way worth recording.
        Assert.Equal(["ContactName", "Name"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Old Name Magnets", "New Name Magnets"), changes["Name"]);
        Assert.Equal(("", "Li Na"), changes["ContactName"]);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deleting_an_entity_records_its_old_values(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firm = TestRecords.Firm("Short Lived Alloys");
        await app.WithDbAsync(TestUsers.Admin, db => { db.Firms.Add(firm); return db.SaveChangesAsync(); });

        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Firms.Remove(await db.Firms.SingleAsync(f => f.Id == firm.Id));
            await db.SaveChangesAsync();
        });

        var entry = (await TestRecords.AuditTrailAsync(app))[^1];
        Assert.Equal(("Deleted", nameof(Firm), firm.Id.ToString()), (entry.Action, entry.EntityType, entry.EntityKey));
        var changes = TestRecords.ChangesOf(entry);
        Assert.Equal(("Short Lived Alloys", (string?)null), changes["Name"]);
        Assert.Equal((firm.CreditCode, (string?)null), changes["CreditCode"]);
        Assert.Equal(("Zhejiang", (string?)null), changes["Region"]);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Identity_user_changes_record_that_the_password_changed_but_never_the_hash_or_stamp(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const string firstPassword = "Correct-Horse-2026", secondPassword = "Battery-Staple-2027";
        string userId;
        await using (var scope = app.Scope(TestUsers.Admin))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "new.user@test.registry", Email = "new.user@test.registry", DisplayName = "New User" };
            Assert.True((await users.CreateAsync(user, firstPassword)).Succeeded);
            // A visible change saved together with the new hash and stamp, so the update has an entry of its own.
            user.DisplayName = "Renamed User";
            Assert.True((await users.ChangePasswordAsync(user, firstPassword, secondPassword)).Succeeded);
            Assert.True((await users.UpdateSecurityStampAsync(user)).Succeeded);
            // A password change on its own is an event in the trail too.
            Assert.True((await users.ChangePasswordAsync(user, secondPassword, firstPassword)).Succeeded);
            userId = user.Id;
        }

        await using var db = app.OpenDb();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var trail = await TestRecords.AuditTrailAsync(app);
        var userEntries = trail.Where(a => a.EntityType == nameof(ApplicationUser) && a.EntityKey == userId).ToList();
        Assert.Equal(["Added", "Modified"], userEntries.Select(a => a.Action).Distinct());
        Assert.Contains(userEntries, a => TestRecords.ChangesOf(a).TryGetValue("DisplayName", out var v) && v == ("New User", "Renamed User"));
        Assert.Contains(userEntries, a => TestRecords.ChangesOf(a).Keys.SequenceEqual(["PasswordHash", "SecurityStamp"]));
        foreach (var entry in userEntries)
        {
            var changes = TestRecords.ChangesOf(entry);
            foreach (var secret in new[] { "PasswordHash", "SecurityStamp" }.Where(changes.ContainsKey))
                Assert.Equal("[secret]", changes[secret].New);
        }
        foreach (var secret in new[] { stored.PasswordHash!, stored.SecurityStamp!, firstPassword, secondPassword })
            Assert.DoesNotContain(trail, a => a.Changes.Contains(secret, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Passport_and_national_id_numbers_are_recorded_only_masked(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var protector = app.Get<FieldProtector>();
        var firm = TestRecords.Firm();
        var specialist = TestRecords.Specialist(firm.Id, protector, nationalId: "110101199003071234");
        var passport = TestRecords.Passport(specialist.Id, protector, number: "E12345678");
        await app.WithDbAsync(TestUsers.FirmHr(firm.Id), async db =>
        {
            db.AddRange(firm, specialist, passport);
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(TestUsers.FirmHr(firm.Id), async db =>
        {
            (await db.Specialists.SingleAsync(s => s.Id == specialist.Id)).NationalId = protector.Protect("110101198805054321");
            var stored = await db.Passports.SingleAsync(p => p.Id == passport.Id);
            stored.UpdateDetails(protector.Protect("G87650009"), stored.IssuingCountry, stored.IssuedOn, stored.ExpiresOn);
            await db.SaveChangesAsync();
        });

        var trail = await TestRecords.AuditTrailAsync(app);
        var specialistChanges = trail.Where(a => a.EntityKey == specialist.Id.ToString()).Select(TestRecords.ChangesOf).ToList();
        var passportChanges = trail.Where(a => a.EntityKey == passport.Id.ToString()).Select(TestRecords.ChangesOf).ToList();
        Assert.Equal(new (string?, string?)[] { (null, "••••1234"), ("••••1234", "••••4321") }, specialistChanges.Select(c => c["NationalId"]));
        Assert.Equal(new (string?, string?)[] { (null, "••••5678"), ("••••5678", "••••0009") }, passportChanges.Select(c => c["Number"]));

        await using var db = app.OpenDb();
        var storedNow = await db.Specialists.Where(s => s.Id == specialist.Id).Select(s => s.NationalId).SingleAsync();
        var forbidden = new[]
        {
            "110101199003071234", "110101198805054321", "E12345678", "G87650009",
            specialist.NationalId.Cipher, specialist.NationalId.LookupHash, passport.Number.Cipher, storedNow.Cipher,
        };
        // Both as stored (JSON escapes) and decoded, in case an escape hides a match.
        foreach (var value in forbidden)
        {
            Assert.DoesNotContain(trail, a => a.Changes.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(trail, a => TestRecords.DecodedText(a).Contains(value, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Several_saves_give_a_gap_free_sequence_that_links_each_entry_to_the_one_before(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var protector = app.Get<FieldProtector>();
        var before = (await TestRecords.AuditTrailAsync(app)).Count;
        var firm = TestRecords.Firm();
        var specialist = TestRecords.Specialist(firm.Id, protector);
        var passport = TestRecords.Passport(specialist.Id, protector);

        await app.WithDbAsync(TestUsers.Admin, db => { db.AddRange(firm, specialist, TestRecords.Specialist(firm.Id, protector)); return db.SaveChangesAsync(); });
        await app.WithDbAsync(TestUsers.Admin, async db => { (await db.Firms.SingleAsync(f => f.Id == firm.Id)).Region = "Jiangxi"; await db.SaveChangesAsync(); });
        await app.WithDbAsync(TestUsers.Admin, db => { db.Passports.Add(passport); return db.SaveChangesAsync(); });
        await app.WithDbAsync(TestUsers.Admin, async db => { db.Passports.Remove(await db.Passports.SingleAsync(p => p.Id == passport.Id)); await db.SaveChangesAsync(); });

        var trail = await TestRecords.AuditTrailAsync(app);
        Assert.Equal(before + 6, trail.Count);
        Assert.Equal(Enumerable.Range(1, trail.Count).Select(i => (long)i), trail.Select(a => a.Sequence));
        Assert.Equal(AuditChain.GenesisHash, trail[0].PreviousHash);
        for (var i = 1; i < trail.Count; i++)
            Assert.Equal(trail[i - 1].Hash, trail[i].PreviousHash);
        Assert.Null(AuditChain.FindFirstBreak(trail));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_failed_save_leaves_neither_the_change_nor_an_audit_entry(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var existing = TestRecords.Firm("First Holder");
        await app.WithDbAsync(TestUsers.Admin, db => { db.Firms.Add(existing); return db.SaveChangesAsync(); });
        var trailBefore = await TestRecords.AuditTrailAsync(app);

        var innocent = TestRecords.Firm("Innocent Bystander");
        var duplicate = TestRecords.Firm("Second Holder");
        duplicate.CreditCode = existing.CreditCode;
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Firms.AddRange(innocent, duplicate);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.Equal(trailBefore.Select(a => a.Hash), (await TestRecords.AuditTrailAsync(app)).Select(a => a.Hash));
        await using (var db = app.OpenDb())
            Assert.Equal([existing.Id], await db.Firms.Select(f => f.Id).ToListAsync());

        // The failure neither left a lock behind nor used up a sequence number.
        await app.WithDbAsync(TestUsers.Admin, db => { db.Firms.Add(innocent); return db.SaveChangesAsync(); });
        var trail = await TestRecords.AuditTrailAsync(app);
        Assert.Equal(trailBefore[^1].Sequence + 1, trail[^1].Sequence);
        Assert.Null(AuditChain.FindFirstBreak(trail));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_failed_save_can_be_corrected_and_saved_again_on_the_same_context(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var existing = TestRecords.Firm("First Holder");
        await app.WithDbAsync(TestUsers.Admin, db => { db.Firms.Add(existing); return db.SaveChangesAsync(); });
        var before = await TestRecords.AuditTrailAsync(app);
        var retried = TestRecords.Firm("Typo Metals");
        var typo = retried.CreditCode;
        retried.CreditCode = existing.CreditCode;

        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Firms.Add(retried);
            db.RecordAuditEvent("ExportedRoster", nameof(Firm), retried.Id.ToString(), new Dictionary<string, string?> { ["Rows"] = "0" });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());

            // As a page would: correct the field and save the same context again.
            retried.CreditCode = typo;
            await db.SaveChangesAsync();
        });

        var added = (await TestRecords.AuditTrailAsync(app)).Skip(before.Count).ToList();
        Assert.Equal([before[^1].Sequence + 1, before[^1].Sequence + 2], added.Select(a => a.Sequence));
        Assert.Equal(["Added", "ExportedRoster"], added.Select(a => a.Action).Order(StringComparer.Ordinal));
        Assert.Equal((null, typo), TestRecords.ChangesOf(added.Single(a => a.Action == "Added"))["CreditCode"]);
        Assert.Null(AuditChain.FindFirstBreak(await TestRecords.AuditTrailAsync(app)));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_audit_entry_cannot_be_updated_through_EF(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var original = (await TestRecords.AuditTrailAsync(app))[^1];

        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Sequence == original.Sequence);
            entry.ActorName = "Mallory";
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", error.Message);
        });

        Assert.Equal(original.ActorName, (await TestRecords.AuditTrailAsync(app))[^1].ActorName);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_audit_entry_cannot_be_deleted_through_EF(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await TestRecords.AuditTrailAsync(app);
        var last = before[^1].Sequence;

        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Sequence == last));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", error.Message);
        });

        Assert.Equal(before.Count, (await TestRecords.AuditTrailAsync(app)).Count);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_saved_custody_event_cannot_be_edited_through_EF(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var protector = app.Get<FieldProtector>();
        var firm = TestRecords.Firm();
        var specialist = TestRecords.Specialist(firm.Id, protector);
        var passport = TestRecords.Passport(specialist.Id, protector);
        var handIn = passport.HandIn(new CustodyEvent
        {
            Kind = CustodyEventKind.HandIn, OccurredAt = app.Clock.GetUtcNow(), OfficerId = "officer", OfficerName = "Officer", Note = "Good condition",
        });
        await app.WithDbAsync(TestUsers.CustodyOfficer, db => { db.AddRange(firm, specialist, passport); return db.SaveChangesAsync(); });

        await app.WithDbAsync(TestUsers.CustodyOfficer, async db =>
        {
            (await db.CustodyEvents.SingleAsync(e => e.Id == handIn.Id)).Note = "Damaged cover";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });

        await using var check = app.OpenDb();
        Assert.Equal("Good condition", (await check.CustodyEvents.SingleAsync(e => e.Id == handIn.Id)).Note);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_named_event_gets_its_sequence_actor_and_hash_when_saved(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await TestRecords.AuditTrailAsync(app);
        var passportId = Guid.CreateVersion7().ToString();

        await app.WithDbAsync(TestUsers.Regulator, db =>
        {
            db.RecordAuditEvent("RevealedPassportNumber", nameof(Passport), passportId,
                new Dictionary<string, string?> { ["Reason"] = "Travel approval check" });
            return db.SaveChangesAsync();
        });

        var entry = (await TestRecords.AuditTrailAsync(app))[^1];
        Assert.Equal(before[^1].Sequence + 1, entry.Sequence);
        Assert.Equal(("RevealedPassportNumber", nameof(Passport), passportId), (entry.Action, entry.EntityType, entry.EntityKey));
        Assert.Equal(("test-regulator", "Test Regulator"), (entry.ActorId, entry.ActorName));
        Assert.Equal(app.Clock.GetUtcNow(), entry.At);
        Assert.Equal("Travel approval check", JsonSerializer.Deserialize<Dictionary<string, string?>>(entry.Changes)!["Reason"]);
        Assert.Equal(before[^1].Hash, entry.PreviousHash);
        Assert.Equal(AuditChain.ComputeHash(entry), entry.Hash);
    }

    private static async Task<long> CountAuditAsync(TestApp app)
    {
        await using var db = app.OpenDb();
        return await db.AuditEntries.CountAsync();
    }
}
