using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// Keeps <see cref="SearchDocument"/> rows current as part of the same save that changes a specialist, their
/// lists, passports, custody events, flags or firm: roster edits, imports and custody work are searchable the
/// moment they commit, and a failed save leaves the index as it was. The full-text index follows the
/// SearchTexts table through triggers (see <see cref="SearchIndexSchema"/>), inside the same transaction.
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is RegistryDb db)
            Refresh(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Synchronous like the audit interceptor: both must finish their changes before EF writes.
        if (eventData.Context is RegistryDb db)
            Refresh(db);
        return ValueTask.FromResult(result);
    }

    private static void Refresh(RegistryDb db)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
            return;

        var ids = new HashSet<Guid>();
        var deleted = new HashSet<Guid>();
        var custodyPassports = new HashSet<Guid>();
        var renamedFirms = new List<Firm>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Specialist s when entry.State == EntityState.Deleted: deleted.Add(s.Id); break;
                case Specialist s: ids.Add(s.Id); break;
                case Expertise x: ids.Add(x.SpecialistId); break;
                case Education x: ids.Add(x.SpecialistId); break;
                case ResearchRecord x: ids.Add(x.SpecialistId); break;
                case Passport x: ids.Add(x.SpecialistId); break;
                case Flag x: ids.Add(x.SpecialistId); break;
                case CustodyEvent c: custodyPassports.Add(c.PassportId); break;
                case Firm f when entry.State == EntityState.Modified: renamedFirms.Add(f); break;
            }
        }
        if (custodyPassports.Count > 0)
        {
            var holders = db.Passports.IgnoreQueryFilters().AsNoTracking()
                .Where(p => custodyPassports.Contains(p.Id)).Select(p => p.SpecialistId).ToList();
            ids.UnionWith(holders);
        }
        // A deleted specialist's document goes with it (cascade); rebuilding it would resurrect the row.
        ids.ExceptWith(deleted);

        if (ids.Count > 0)
            RefreshSpecialists(db, ids.ToList());
        foreach (var firm in renamedFirms)
            RefreshFirm(db, firm);
    }

    /// <summary>Builds documents for every specialist, in batches; for databases filled before the index existed.</summary>
    public static async Task<int> RebuildAllAsync(RegistryDb db, CancellationToken ct = default)
    {
        var all = await db.Specialists.IgnoreQueryFilters().AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        foreach (var batch in all.Chunk(500))
        {
            RefreshSpecialists(db, [.. batch]);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return all.Count;
    }

    private static void RefreshSpecialists(RegistryDb db, List<Guid> ids)
    {
        var specialists = db.ChangeTracker.Entries<Specialist>()
            .Where(e => e.State != EntityState.Deleted && ids.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => e.Entity);
        var missing = ids.Where(id => !specialists.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var s in db.Specialists.IgnoreQueryFilters().AsNoTracking().Where(s => missing.Contains(s.Id)))
                specialists[s.Id] = s;
        }

        // A specialist added in this very save has nothing in the database yet: asking would cost a query per
        // list per save, which is most of an import's index upkeep.
        var added = db.ChangeTracker.Entries<Specialist>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        var stored = ids.Where(id => !added.Contains(id)).ToList();
        var expertise = Current(db, db.Expertise, ids, stored, x => x.Id, x => x.SpecialistId);
        var education = Current(db, db.Education, ids, stored, x => x.Id, x => x.SpecialistId);
        var research = Current(db, db.ResearchRecords, ids, stored, x => x.Id, x => x.SpecialistId);
        var passports = Current(db, db.Passports, ids, stored, x => x.Id, x => x.SpecialistId);
        var flags = Current(db, db.Flags, ids, stored, x => x.Id, x => x.SpecialistId);

        var firmIds = specialists.Values.Select(s => s.FirmId).Distinct().ToList();
        var firms = db.ChangeTracker.Entries<Firm>().Where(e => firmIds.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => (e.Entity.Name, e.Entity.Segment));
        var firmsMissing = firmIds.Where(id => !firms.ContainsKey(id)).ToList();
        if (firmsMissing.Count > 0)
        {
            foreach (var f in db.Firms.IgnoreQueryFilters().AsNoTracking().Where(f => firmsMissing.Contains(f.Id))
                         .Select(f => new { f.Id, f.Name, f.Segment }))
                firms[f.Id] = (f.Name, f.Segment);
        }

        var documents = stored.Count == 0 ? [] : db.SearchDocuments.Include(d => d.Text).Where(d => stored.Contains(d.SpecialistId)).ToList()
            .ToDictionary(d => d.SpecialistId);
        // A document added by an earlier attempt of this save that failed is still tracked: reuse it.
        foreach (var pending in db.ChangeTracker.Entries<SearchDocument>().Where(e => e.State == EntityState.Added))
            documents.TryAdd(pending.Entity.SpecialistId, pending.Entity);

        foreach (var (id, s) in specialists)
        {
            if (!documents.TryGetValue(id, out var doc))
            {
                doc = new SearchDocument { SpecialistId = id, Text = new SearchText() };
                db.SearchDocuments.Add(doc);
            }
            var (firmName, segment) = firms.GetValueOrDefault(s.FirmId);
            Fill(doc, s, firmName ?? "", segment, expertise.GetValueOrDefault(id, []), education.GetValueOrDefault(id, []),
                research.GetValueOrDefault(id, []), passports.GetValueOrDefault(id, []), flags.GetValueOrDefault(id, []));
        }
    }

    /// <summary>Sets every derived column of <paramref name="doc"/>; bulk loaders (the benchmark) use it too.</summary>
    public static void Fill(SearchDocument doc, Specialist s, string firmName, IndustrySegment segment,
        IReadOnlyCollection<Expertise> expertise, IReadOnlyCollection<Education> education, IReadOnlyCollection<ResearchRecord> research,
        IReadOnlyCollection<Passport> passports, IReadOnlyCollection<Flag> flags)
    {
        doc.Text ??= new SearchText();
        var current = passports.Where(p => p.IsCurrent).OrderByDescending(p => p.ExpiresOn).FirstOrDefault();
        doc.SpecialistId = s.Id;
        doc.FirmId = s.FirmId;
        doc.FirmName = firmName;
        doc.Segment = segment;
        doc.EmployeeNumber = s.EmployeeNumber;
        doc.FullName = s.FullName;
        doc.LatinName = s.LatinName;
        doc.Nationality = s.Nationality;
        doc.Status = s.Status;
        doc.HireDate = s.HireDate;
        doc.Custody = current is null ? SearchCustody.NoPassport : ToSearch(current.CustodyStatus);
        doc.DueBackOn = current?.DueBackOn;
        doc.PassportExpiresOn = current?.ExpiresOn;
        doc.FlagState = flags.Any(f => f.Status == FlagStatus.Open) ? SearchFlagState.Open
            : flags.Count > 0 ? SearchFlagState.ResolvedOnly : SearchFlagState.None;
        doc.ExpertiseMask = expertise.Aggregate(0L, (m, e) => m | SearchDocument.ExpertiseBit(e.Area, e.Level));
        doc.DegreeMask = education.Aggregate(0, (m, e) => m | SearchDocument.DegreeBit(e.Degree));
        var text = SearchTextBuilder.Compose(s, expertise, education, research);
        if (doc.Text.Text != text)
            doc.Text.Text = text;
    }

    private static void RefreshFirm(RegistryDb db, Firm firm)
    {
        foreach (var doc in db.SearchDocuments.Where(d => d.FirmId == firm.Id))
        {
            doc.FirmName = firm.Name;
            doc.Segment = firm.Segment;
        }
    }

    public static SearchCustody ToSearch(CustodyStatus status) => status switch
    {
        CustodyStatus.NotHeld => SearchCustody.NotHeld,
        CustodyStatus.Held => SearchCustody.Held,
        CustodyStatus.Released => SearchCustody.Released,
        CustodyStatus.Lost => SearchCustody.Lost,
        CustodyStatus.Retired => SearchCustody.Retired,
        _ => SearchCustody.NotHeld,
    };

    /// <summary>
    /// The rows as they will be after this save: stored rows, replaced by their tracked (possibly edited)
    /// instances, minus those being deleted, plus those being added. Grouped by specialist.
    /// </summary>
    private static Dictionary<Guid, List<T>> Current<T>(RegistryDb db, DbSet<T> set, List<Guid> ids, List<Guid> stored,
        Func<T, Guid> idOf, Func<T, Guid> specialistOf) where T : class
    {
        var tracked = db.ChangeTracker.Entries<T>().ToList();
        var trackedIds = tracked.Select(e => idOf(e.Entity)).ToHashSet();
        var fromDatabase = stored.Count == 0 ? [] : set.IgnoreQueryFilters().AsNoTracking()
            .Where(x => stored.Contains(EF.Property<Guid>(x, "SpecialistId"))).ToList();
        var rows = fromDatabase
            .Where(x => !trackedIds.Contains(idOf(x)))
            .Concat(tracked.Where(e => e.State != EntityState.Deleted && ids.Contains(specialistOf(e.Entity))).Select(e => e.Entity));
        return rows.GroupBy(specialistOf).ToDictionary(g => g.Key, g => g.ToList());
    }
}
