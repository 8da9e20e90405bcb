using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Data.Bulk;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Roster.Import;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Tests.Infrastructure;
using SpecialistRegistry.Domain.Records;
using SpecialistRegistry.Files;
using SpecialistRegistry.Files.Roster;
using SpecialistRegistry.Files.Reading;

namespace SpecialistRegistry.Tests.Features.Roster.Import;

/// <summary>
/// New people in a commit are written by <see cref="SpecialistBulkInsert"/> on SQLite instead of SaveChanges:
/// it must store what SaveChanges and its interceptors would, byte for byte, audit trail and search index included.
/// </summary>
public sealed partial class BulkCommitTests(RosterFixture fixture) : IClassFixture<RosterFixture>
{
    [Fact]
    public async Task A_bulk_commit_stores_exactly_the_rows_audit_entries_and_search_documents_SaveChanges_stores()
    {
        var people = VariedPeople();
        var (bulkFirm, savedFirm) = (await TwinFirmAsync(), await TwinFirmAsync());

        var bulkAudit = await CommitAsync(bulkFirm, people, bulk: true);
        var savedAudit = await CommitAsync(savedFirm, people, bulk: false);

        await using var db = fixture.App.OpenDb();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var (table, bulkRows, savedRows) in new[]
                 {
                     ("Specialists", $"\"FirmId\" = '{Key(bulkFirm)}'", $"\"FirmId\" = '{Key(savedFirm)}'"),
                     ("Expertise", OfFirm(bulkFirm), OfFirm(savedFirm)),
                     ("Education", OfFirm(bulkFirm), OfFirm(savedFirm)),
                     ("ResearchRecords", OfFirm(bulkFirm), OfFirm(savedFirm)),
                     ("Passports", OfFirm(bulkFirm), OfFirm(savedFirm)),
                     ("SearchDocuments", $"\"FirmId\" = '{Key(bulkFirm)}'", $"\"FirmId\" = '{Key(savedFirm)}'"),
                     ("SearchTexts", TextsOf(bulkFirm), TextsOf(savedFirm)),
                     ("AuditEntries", $"\"Sequence\" BETWEEN {bulkAudit.First} AND {bulkAudit.Last}", $"\"Sequence\" BETWEEN {savedAudit.First} AND {savedAudit.Last}"),
                 })
        {
            var written = await DumpAsync(connection, table, bulkRows);
            Assert.NotEmpty(written);
            Assert.Equal(await DumpAsync(connection, table, savedRows), written);
        }
        var rows = people.Sum(p => 1 + p.Expertise.Count + p.Education.Count + p.Research.Count + (p.Passport is null ? 0 : 1));
        Assert.Equal(rows + 1, bulkAudit.Last - bulkAudit.First + 1);
    }

    [Fact]
    public async Task After_a_bulk_commit_the_chain_verifies_and_every_new_row_has_its_own_entry_then_the_import_event()
    {
        var firm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(2));
        var people = RosterSamples.People(RosterImportService.ChunkSize + 30, first: 3);

        var audit = await CommitAsync(firm, people, bulk: true);

        await using var db = fixture.App.OpenDb();
        var chain = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        Assert.Null(AuditChain.FindFirstBreak(chain));
        Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long)i), chain.Select(a => a.Sequence));
        var written = chain.Where(a => a.Sequence >= audit.First && a.Sequence <= audit.Last).ToList();
        Assert.Equal(("RosterImported", "test-firmhr", "Test FirmHR"), (written[^1].Action, written[^1].ActorId, written[^1].ActorName));
        var keys = written.SkipLast(1).Select(a => (a.Action, a.EntityType, a.EntityKey)).ToHashSet();
        Assert.Equal(written.Count - 1, keys.Count);
        var specialists = await db.Specialists.AsNoTracking().Where(s => s.FirmId == firm && s.EmployeeNumber.CompareTo("T00003") >= 0)
            .Include(s => s.Expertise).Include(s => s.Education).Include(s => s.Research).Include(s => s.Passports).ToListAsync();
        Assert.Equal(people.Count, specialists.Count);
        foreach (var s in specialists)
        {
            Assert.Contains(("Added", nameof(Specialist), s.Id.ToString()), keys);
            Assert.All(s.Expertise, x => Assert.Contains(("Added", nameof(Expertise), x.Id.ToString()), keys));
            Assert.All(s.Education, x => Assert.Contains(("Added", nameof(Education), x.Id.ToString()), keys));
            Assert.All(s.Research, x => Assert.Contains(("Added", nameof(ResearchRecord), x.Id.ToString()), keys));
            Assert.All(s.Passports, x => Assert.Contains(("Added", nameof(Passport), x.Id.ToString()), keys));
        }
        // Only masked numbers reach the trail.
        var ciphers = specialists.Select(s => s.Passports[0].Number.Cipher).ToList();
        Assert.DoesNotContain(written, a => ciphers.Any(c => a.Changes.Contains(c, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task People_written_in_bulk_are_found_by_the_regulator_search_as_soon_as_the_commit_returns()
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(3, first: 40);
        people[1].Research[0] = people[1].Research[0] with { Title = "Zirconoxyfluoride hydrometallurgy" };

        await CommitAsync(firm, people, bulk: true);

        await using var scope = fixture.App.Scope(TestUsers.Regulator);
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        var byTitle = await search.SearchAsync(new SearchQuery { Text = "zirconoxyfluoride" }, withFacets: false);
        Assert.Equal(["T00041"], byTitle.Rows.Select(r => r.EmployeeNumber));
        var byFirm = await search.SearchAsync(new SearchQuery { Firms = [firm] }, withFacets: false);
        Assert.Equal(["T00040", "T00041", "T00042"], byFirm.Rows.Select(r => r.EmployeeNumber).Order());
        await using var db = fixture.App.OpenDb();
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {SearchIndexSchema.FtsTable}({SearchIndexSchema.FtsTable}, rank) VALUES ('integrity-check', 1)");
    }

    [Fact]
    public async Task A_bulk_commit_stopped_after_its_first_chunk_leaves_no_row_entry_or_search_text_behind()
    {
        var firm = await fixture.NewFirmAsync();
        var people = RosterSamples.People(RosterImportService.ChunkSize * 2, first: 500);
        people[0].Research[0] = people[0].Research[0] with { Title = "Praseodymiumoxalate calcination" };
        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(people));
        var before = await EverythingAsync();
        using var cancel = new CancellationTokenSource();
        IProgress<ImportProgress> reporter = new SynchronousProgress(p =>
        {
            if (p.Phase == ImportPhase.Saving && p.Done >= RosterImportService.ChunkSize)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.CommitAsync(firm, preview, reporter, cancel.Token));

        Assert.Equal(before, await EverythingAsync());
        await using var scope = fixture.App.Scope(TestUsers.Regulator);
        var found = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchQuery { Text = "praseodymiumoxalate" }, withFacets: false);
        Assert.Empty(found.Rows);
    }

    [Fact]
    public async Task A_database_error_in_the_bulk_writer_is_raised_as_SaveChanges_would_raise_it()
    {
        var firm = await fixture.NewFirmAsync();
        await fixture.ImportAsync(firm, RosterSamples.People(1, first: 700));
        await using var scope = fixture.App.Scope(TestUsers.FirmHr(firm));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RegistryDb>>().CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        using var bulk = new SpecialistBulkInsert(db, fixture.App.Clock, fixture.App.Get<FieldProtector>());

        var clash = new Specialist { FirmId = firm, EmployeeNumber = "T00700", FullName = "重复", LatinName = "Duplicate", Nationality = "China", NationalId = SensitiveValue.Empty };

        var error = Assert.Throws<DbUpdateException>(() => bulk.Insert([clash]));
        Assert.IsAssignableFrom<DbException>(error.InnerException);
    }

    /// <summary>PostgreSQL keeps SaveChanges for new people; both engines must end with the same trail and index.</summary>
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_commit_on_every_engine_audits_and_indexes_every_new_person(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Guid firm;
        await using (var db = app.OpenDb())
        {
            var entity = new Firm { Name = "Engine test firm", CreditCode = "91330200MA2ENGINE1", Segment = IndustrySegment.PermanentMagnets, Region = "Zhejiang" };
            db.Firms.Add(entity);
            await db.SaveChangesAsync();
            firm = entity.Id;
        }
        var people = RosterSamples.People(RosterImportService.ChunkSize + 5);
        ImportPreview preview;
        await using (var scope = app.Scope(TestUsers.FirmHr(firm)))
            preview = await scope.ServiceProvider.GetRequiredService<RosterImportService>().DryRunAsync(new ImportFile("roster.csv", await RosterFiles.CsvAsync(people)));
        await using (var scope = app.Scope(TestUsers.FirmHr(firm)))
            await scope.ServiceProvider.GetRequiredService<RosterImportService>().CommitAsync(preview);

        await using var check = app.OpenDb();
        var chain = await check.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        Assert.Null(AuditChain.FindFirstBreak(chain));
        Assert.Equal(people.Count * 9, chain.Count(a => a.Action == "Added" && a.EntityType is nameof(Specialist) or nameof(Expertise) or nameof(Education) or nameof(ResearchRecord) or nameof(Passport)));
        Assert.Equal(people.Count, await check.SearchDocuments.CountAsync(d => d.FirmId == firm));
        Assert.Equal(people.Count, await check.SearchTexts.CountAsync());
    }

    private async Task<(long First, long Last)> CommitAsync(Guid firm, List<RosterPerson> people, bool bulk)
    {
        var preview = await fixture.DryRunAsync(firm, "roster.csv", await RosterFiles.CsvAsync(people));
        Assert.Empty(preview.Problems);
        var first = (await fixture.CountAsync()).AuditEntries + 1;
        await using var scope = fixture.App.Scope(TestUsers.FirmHr(firm));
        var services = scope.ServiceProvider;
        var import = new RosterImportService(services.GetRequiredService<IDbContextFactory<RegistryDb>>(), services.GetRequiredService<CurrentUser>(),
            services.GetRequiredService<FieldProtector>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SpecialistRegistry.Features.Roster.RosterText>>()) { BulkInsertNewPeople = bulk };
        await import.CommitAsync(preview);
        return (first, (await fixture.CountAsync()).AuditEntries);
    }

    /// <summary>Two firms alike in everything the search documents copy, so their people's rows compare equal.</summary>
    private async Task<Guid> TwinFirmAsync()
    {
        await using var db = fixture.App.OpenDb();
        var firm = new Firm { Name = "Twin Magnet Works", CreditCode = Guid.NewGuid().ToString("N")[..18].ToUpperInvariant(), Segment = IndustrySegment.PermanentMagnets, Region = "Jiangxi" };
        db.Firms.Add(firm);
        await db.SaveChangesAsync();
        return firm.Id;
    }

    /// <summary>Every kind of value a row can hold: empty and missing values, a person who left, no passport, text JSON and search must escape or split.</summary>
    private static List<RosterPerson> VariedPeople()
    {
        var people = RosterSamples.People(4, first: 900);
        people[1].Status = EmploymentStatus.Left;
        people[1].LeftOn = new DateOnly(2024, 6, 30);
        people[1].LeftReason = "Moved to \"Baotou\" plant\\branch <north> & co.";
        people[1].Passport = null;
        people[1].NationalIdNumber = "";
        people[2].FullName = "欧阳 钕铁硼";
        people[2].Position = "Engineer 🧲 'magnets'";
        people[2].Phone = "";
        people[2].Email = "";
        people[2].Research.Clear();
        people[3].Education.Clear();
        people[3].Expertise.RemoveAt(0);
        return people;
    }

    /// <summary>
    /// Each row of <paramref name="table"/> as SQLite stores it (storage class and literal of every column), with
    /// what differs by nature between two imports made neutral: keys and version tokens (their format is kept),
    /// ciphertexts (fresh nonces; their length is kept), the search rowid and the audit chain's own columns.
    /// </summary>
    private static async Task<List<string>> DumpAsync(DbConnection connection, string table, string where)
    {
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                columns.Add(reader.GetString(0));
        }
        var shown = columns.Where(c => c is not ("DocId" or "Sequence" or "PreviousHash" or "Hash" or "Seal")).Select(c =>
            c.EndsWith("_Cipher", StringComparison.Ordinal) ? $"'{c}=' || typeof(\"{c}\") || ':' || length(\"{c}\")" : $"'{c}=' || typeof(\"{c}\") || ':' || quote(\"{c}\")");
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(" || ' | ' || ", shown)} FROM \"{table}\" WHERE {where}";
        var rows = new List<string>();
        await using (var reader = await select.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows.Add(Guids().Replace(reader.GetString(0), m => m.Value.Any(char.IsLower) ? "<guid>" : "<GUID>"));
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")]
    private static partial Regex Guids();

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static string OfFirm(Guid firm) => $"\"SpecialistId\" IN (SELECT \"Id\" FROM \"Specialists\" WHERE \"FirmId\" = '{Key(firm)}')";

    private static string TextsOf(Guid firm) => $"\"DocId\" IN (SELECT \"DocId\" FROM \"SearchDocuments\" WHERE \"FirmId\" = '{Key(firm)}')";

    /// <summary>Row counts of every table an import writes, the full-text index's own rows included.</summary>
    private async Task<string> EverythingAsync()
    {
        await using var db = fixture.App.OpenDb();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = string.Join(" || ', ' || ", new[] { "Specialists", "Expertise", "Education", "ResearchRecords", "Passports", "SearchDocuments", "SearchTexts", "AuditEntries", $"{SearchIndexSchema.FtsTable}_docsize" }
            .Select(t => $"(SELECT count(*) FROM \"{t}\")")).Insert(0, "SELECT ");
        return (string)(await count.ExecuteScalarAsync())!;
    }

    private sealed class SynchronousProgress(Action<ImportProgress> onReport) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => onReport(value);
    }
}
