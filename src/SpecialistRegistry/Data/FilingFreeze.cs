using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// What keeps a submitted filing as it was submitted, checked by <see cref="AuditInterceptor"/> on every save
/// next to the append-only rule for audit rows and custody events: a draft may change or go; a filing awaiting
/// review may only receive its decision; a decided filing nothing at all. Entries are append-only, and only the
/// save that submits their filing (the object whose <see cref="Filing.Submit"/> was called) may add them.
/// </summary>
internal static class FilingFreeze
{
    public static string? Refusal(IReadOnlyList<EntityEntry> changed, RegistryDb db)
    {
        HashSet<Guid>? submitting = null;
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Filing filing when entry.State is EntityState.Modified or EntityState.Deleted:
                    if (FilingRefusal(entry, filing) is { } refusal)
                        return refusal;
                    break;
                case FilingEntry added when entry.State == EntityState.Added:
                    // Looked up once per save: a submission adds thousands of entries.
                    submitting ??= db.ChangeTracker.Entries<Filing>().Where(f => f.Entity.AcceptsEntries).Select(f => f.Entity.Id).ToHashSet();
                    if (!submitting.Contains(added.FilingId))
                        return "Entries can be added to a filing only by the save that submits it.";
                    break;
            }
        }
        return null;
    }

    private static string? FilingRefusal(EntityEntry entry, Filing filing)
    {
        var stored = (FilingStatus)entry.Property(nameof(Filing.Status)).OriginalValue!;
        if (stored == FilingStatus.Draft)
            return null;
        if (entry.State == EntityState.Deleted)
            return $"A filing that is {Filing.Describe(stored)} cannot be deleted.";
        var touched = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList();
        var decided = stored is FilingStatus.Submitted or FilingStatus.Resubmitted
            && filing.Status is FilingStatus.Accepted or FilingStatus.Returned
            && touched.All(Filing.DecisionProperties.Contains);
        return decided || touched.All(p => p == nameof(Filing.Version))
            ? null
            : $"A filing that is {Filing.Describe(stored)} cannot be changed ({string.Join(", ", touched)}); only its review decision is recorded on it.";
    }
}
