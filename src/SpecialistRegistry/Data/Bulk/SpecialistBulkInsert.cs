using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Bulk;

/// <summary>
/// Writes new specialists — with their expertise, education, research records and passports — without the
/// change tracker, and with everything SaveChanges and its interceptors would have written for them, in the
/// caller's transaction: one audit entry per row with exactly the content <see cref="AuditInterceptor"/> gives
/// an added entity, linked onto the chain under the chain lock; and the search document and text that
/// <see cref="SearchIndexInterceptor"/> would build, inserted as plain rows so the full-text triggers fire.
/// (New people raise no watch notifications: nobody can watch a person who does not exist yet.)
/// <para>
/// Why: on SQLite, EF Core sends one INSERT per row. For a large roster import (about 20 rows per person with
/// audit and search) those statements, not the database, were most of the commit. SQLite only: on PostgreSQL
/// Npgsql already batches SaveChanges, and the import keeps the general path there.
/// </para>
/// </summary>
internal sealed class SpecialistBulkInsert : IDisposable
{
    private readonly RegistryDb _db;
    private readonly TimeProvider _clock;
    private readonly FieldProtector _seals;
    private readonly IEntityType[] _types;
    private readonly BulkTable _specialists, _expertise, _education, _research, _passports, _documents, _texts, _audit;
    private readonly Dictionary<Guid, (string Name, IndustrySegment Segment)> _firms = [];

    public static bool CanRunOn(RegistryDb db) => db.Database.IsSqlite();

    /// <summary>Must be created inside a transaction (SQLite: BEGIN IMMEDIATE, which is the audit chain's lock).</summary>
    public SpecialistBulkInsert(RegistryDb db, TimeProvider clock, FieldProtector seals)
    {
        if (!CanRunOn(db))
            throw new NotSupportedException("Bulk inserts of specialists are written for SQLite.");
        _db = db;
        _clock = clock;
        _seals = seals;
        _types = [.. new[] { typeof(Specialist), typeof(Expertise), typeof(Education), typeof(ResearchRecord), typeof(Passport) }
            .Select(t => db.Model.FindEntityType(t)!)];
        _specialists = new BulkTable(db, typeof(Specialist));
        _expertise = new BulkTable(db, typeof(Expertise));
        _education = new BulkTable(db, typeof(Education));
        _research = new BulkTable(db, typeof(ResearchRecord));
        _passports = new BulkTable(db, typeof(Passport));
        _documents = new BulkTable(db, typeof(SearchDocument), nameof(SearchDocument.DocId), nameof(SearchDocument.SpecialistId));
        _texts = new BulkTable(db, typeof(SearchText));
        _audit = new BulkTable(db, typeof(AuditEntry));
    }

    /// <summary>
    /// Inserts <paramref name="specialists"/> and their lists. A database error (for example a clash with a row
    /// someone else added) is raised as <see cref="DbUpdateException"/>, as SaveChanges would raise it; the caller's
    /// transaction then holds partial rows and must be rolled back.
    /// </summary>
    public void Insert(IReadOnlyList<Specialist> specialists)
    {
        foreach (var s in specialists)
            CheckIsNewGraph(s);
        try
        {
            _specialists.Insert(specialists);
            _expertise.Insert(specialists.SelectMany(s => s.Expertise).ToList());
            _education.Insert(specialists.SelectMany(s => s.Education).ToList());
            _research.Insert(specialists.SelectMany(s => s.Research).ToList());
            _passports.Insert(specialists.SelectMany(s => s.Passports).ToList());
            InsertSearchDocuments(specialists);
            InsertAuditEntries(specialists);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("An error occurred while saving the new specialists. See the inner exception for details.", e);
        }
    }

    // SaveChanges would fix keys up from navigations and insert whatever else hangs off the graph; this writer
    // does neither, so it accepts only what it writes completely.
    private static void CheckIsNewGraph(Specialist s)
    {
        if (s.Flags.Count > 0 || s.Passports.Any(p => p.CustodyEvents.Count > 0))
            throw new NotSupportedException("New specialists are written with their lists and passports only; flags and custody events go through SaveChanges.");
        if (s.Expertise.Any(x => x.SpecialistId != s.Id) || s.Education.Any(x => x.SpecialistId != s.Id)
            || s.Research.Any(x => x.SpecialistId != s.Id) || s.Passports.Any(x => x.SpecialistId != s.Id))
            throw new InvalidOperationException($"A list item of specialist {s.Id} names another specialist.");
    }

    private void InsertSearchDocuments(IReadOnlyList<Specialist> specialists)
    {
        LoadFirms(specialists.Select(s => s.FirmId));
        var documents = new Dictionary<Guid, SearchDocument>(specialists.Count);
        foreach (var s in specialists)
        {
            var (firmName, segment) = _firms.GetValueOrDefault(s.FirmId);
            var doc = new SearchDocument();
            SearchIndexInterceptor.Fill(doc, s, firmName ?? "", segment, s.Expertise, s.Education, s.Research, s.Passports, []);
            documents.Add(s.Id, doc);
        }
        // The key is the database's (an autoincrement rowid); RETURNING may list rows in any order, so each
        // comes back with its specialist.
        _documents.Insert(documents.Values.ToList(), row => documents[Guid.Parse((string)row[1]!)].DocId = (long)row[0]!);
        _texts.Insert(documents.Values.Select(d => new SearchText { DocId = d.DocId, Text = d.Text!.Text }).ToList());
    }

    private void LoadFirms(IEnumerable<Guid> firmIds)
    {
        var missing = firmIds.Where(id => !_firms.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
            return;
        foreach (var f in _db.Firms.IgnoreQueryFilters().AsNoTracking().Where(f => missing.Contains(f.Id)).Select(f => new { f.Id, f.Name, f.Segment }))
            _firms[f.Id] = (f.Name, f.Segment);
    }

    private void InsertAuditEntries(IReadOnlyList<Specialist> specialists)
    {
        var (sequence, previousHash) = AuditInterceptor.ReadChainHead(_db);
        var now = AuditChain.ToStoredPrecision(_clock.GetUtcNow());
        var entries = new List<AuditEntry>(specialists.Count * 10);
        foreach (var s in specialists)
        {
            Add(_types[0], s);
            foreach (var x in s.Expertise) Add(_types[1], x);
            foreach (var x in s.Education) Add(_types[2], x);
            foreach (var x in s.Research) Add(_types[3], x);
            foreach (var x in s.Passports) Add(_types[4], x);
        }
        _audit.Insert(entries);

        void Add(IEntityType type, object entity)
        {
            if (AuditInterceptor.DescribeAdded(type, entity) is not { } changes)
                return;
            var audit = new AuditEntry
            {
                Action = nameof(EntityState.Added),
                EntityType = type.ClrType.Name,
                EntityKey = AuditInterceptor.KeyOf(type, entity),
                Changes = changes,
            };
            previousHash = AuditChain.Link(audit, ++sequence, now, _db.Actor, previousHash, _seals);
            entries.Add(audit);
        }
    }

    public void Dispose()
    {
        foreach (var table in new[] { _specialists, _expertise, _education, _research, _passports, _documents, _texts, _audit })
            table.Dispose();
    }
}
