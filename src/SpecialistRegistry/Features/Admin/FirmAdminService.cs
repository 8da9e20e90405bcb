using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Admin;

public sealed record FirmRow(
    Guid Id, string Name, string CreditCode, IndustrySegment Segment, string Region,
    string ContactName, string ContactPhone, string ContactEmail, int Specialists);

public sealed record FirmFilter(string? Search = null, IndustrySegment? Segment = null);

/// <summary>A firm as loaded for editing: the version is what a later save must still find.</summary>
public sealed record FirmForEdit(Guid Id, Guid Version, FirmInput Input);

/// <summary>Firms as the Admin manages them. Every save is audited by the interceptor.</summary>
public sealed class FirmAdminService(IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser)
{
    // In the reader's language: the dialog compares a refusal with StaleMessage to offer a reload.
    public static string StaleMessage => AdminText.Say("FirmStale");
    public static string GoneMessage => AdminText.Say("FirmGone");
    public static string DuplicateCodeMessage => AdminText.Say("FirmDuplicateCode");

    public async Task<GridPage<FirmRow>> ListAsync(FirmFilter filter, PageRequest page, CancellationToken ct = default)
    {
        RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firms = db.Firms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Lower-cased on both sides: LIKE and instr differ in case rules between SQLite and PostgreSQL.
            var s = filter.Search.Trim().ToLowerInvariant();
            firms = firms.Where(f => f.Name.ToLower().Contains(s) || f.CreditCode.ToLower().Contains(s)
                || f.Region.ToLower().Contains(s) || f.ContactName.ToLower().Contains(s));
        }
        if (filter.Segment is { } segment)
            firms = firms.Where(f => f.Segment == segment);

        var total = await firms.CountAsync(ct);
        var items = await Sort(firms, page)
            .Skip(page.Skip).Take(page.Take)
            .Select(f => new FirmRow(f.Id, f.Name, f.CreditCode, f.Segment, f.Region, f.ContactName, f.ContactPhone, f.ContactEmail,
                f.Specialists.Count(s => s.Status == EmploymentStatus.Current)))
            .ToListAsync(ct);
        return new GridPage<FirmRow>(items, total);
    }

    /// <summary>Every firm's id and name, for pickers (a few hundred firms at most).</summary>
    public async Task<IReadOnlyList<FirmChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Firms.AsNoTracking().OrderBy(f => f.Name).Select(f => new FirmChoice(f.Id, f.Name)).ToListAsync(ct);
    }

    public async Task<FirmForEdit?> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firm = await db.Firms.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        return firm is null ? null : new FirmForEdit(firm.Id, firm.Version, FirmInput.From(firm));
    }

    public async Task<AdminResult<Guid>> CreateAsync(FirmInput input, CancellationToken ct = default)
    {
        RequireAdmin();
        input = input.Normalized();
        if (input.FirstProblem() is (var field, var message))
            return AdminResult<Guid>.Fail(message, field);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CodeTakenAsync(db, input.CreditCode, exceptFirm: null, ct))
            return AdminResult<Guid>.Fail(DuplicateCodeMessage, nameof(FirmInput.CreditCode));

        var firm = new Firm();
        input.ApplyTo(firm);
        db.Firms.Add(firm);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin registered the same code between our check and our save: the unique index refused it.
            if (await CodeTakenAsync(input.CreditCode, exceptFirm: null, ct))
                return AdminResult<Guid>.Fail(DuplicateCodeMessage, nameof(FirmInput.CreditCode));
            throw;
        }
        return AdminResult<Guid>.Ok(firm.Id);
    }

    /// <summary>Saves the edit only if the firm is still at <paramref name="version"/>; otherwise nothing is written.</summary>
    public async Task<AdminResult<Done>> UpdateAsync(Guid id, Guid version, FirmInput input, CancellationToken ct = default)
    {
        RequireAdmin();
        input = input.Normalized();
        if (input.FirstProblem() is (var field, var message))
            return AdminResult<Done>.Fail(message, field);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firm = await db.Firms.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (firm is null)
            return AdminResult<Done>.Fail(GoneMessage);
        if (firm.Version != version)
            return AdminResult<Done>.Fail(StaleMessage);
        if (await CodeTakenAsync(db, input.CreditCode, exceptFirm: id, ct))
            return AdminResult<Done>.Fail(DuplicateCodeMessage, nameof(FirmInput.CreditCode));

        input.ApplyTo(firm);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed (or deleted) by someone else after we read it: the version token matched no row.
            return AdminResult<Done>.Fail(StaleMessage);
        }
        catch (DbUpdateException)
        {
            if (await CodeTakenAsync(input.CreditCode, exceptFirm: id, ct))
                return AdminResult<Done>.Fail(DuplicateCodeMessage, nameof(FirmInput.CreditCode));
            throw;
        }
        return AdminResult<Done>.Ok(default);
    }

    private static Task<bool> CodeTakenAsync(RegistryDb db, string code, Guid? exceptFirm, CancellationToken ct) =>
        db.Firms.IgnoreQueryFilters().AnyAsync(f => f.CreditCode == code && f.Id != exceptFirm, ct);

    // After a failed save the context's transaction is gone; ask a new one.
    private async Task<bool> CodeTakenAsync(string code, Guid? exceptFirm, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CodeTakenAsync(db, code, exceptFirm, ct);
    }

    private static IQueryable<Firm> Sort(IQueryable<Firm> firms, PageRequest page)
    {
        IOrderedQueryable<Firm> ordered = page.Sort switch
        {
            nameof(FirmRow.CreditCode) => By(firms, f => f.CreditCode, page.Descending),
            nameof(FirmRow.Segment) => By(firms, f => f.Segment, page.Descending),
            nameof(FirmRow.Region) => By(firms, f => f.Region, page.Descending),
            nameof(FirmRow.ContactName) => By(firms, f => f.ContactName, page.Descending),
            nameof(FirmRow.Specialists) => By(firms, f => f.Specialists.Count(s => s.Status == EmploymentStatus.Current), page.Descending),
            _ => By(firms, f => f.Name, page.Descending),
        };
        // A unique tie-breaker keeps rows from moving between pages.
        return ordered.ThenBy(f => f.Id);
    }

    private static IOrderedQueryable<Firm> By<TKey>(IQueryable<Firm> q, Expression<Func<Firm, TKey>> key, bool descending) =>
        descending ? q.OrderByDescending(key) : q.OrderBy(key);

    private void RequireAdmin()
    {
        if (!currentUser.Get().Principal.IsInRole(Roles.Admin))
            throw new UnauthorizedAccessException(AdminText.Say("OnlyAdminFirms"));
    }
}

public sealed record FirmChoice(Guid Id, string Name);
