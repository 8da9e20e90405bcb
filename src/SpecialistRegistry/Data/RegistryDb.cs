using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data;

/// <summary>
/// The registry's store. Created per operation by <see cref="RegistryDbFactory"/>, which stamps it with the
/// acting user (for the audit trail) and, for Firm HR, the only firm whose data it may return.
/// Each provider has a subclass of its own so that each keeps its own migrations.
/// </summary>
public abstract class RegistryDb(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Firm> Firms => Set<Firm>();
    public DbSet<Specialist> Specialists => Set<Specialist>();
    public DbSet<Expertise> Expertise => Set<Expertise>();
    public DbSet<Education> Education => Set<Education>();
    public DbSet<ResearchRecord> ResearchRecords => Set<ResearchRecord>();
    public DbSet<Passport> Passports => Set<Passport>();
    public DbSet<CustodyEvent> CustodyEvents => Set<CustodyEvent>();
    public DbSet<Filing> Filings => Set<Filing>();
    public DbSet<FilingEntry> FilingEntries => Set<FilingEntry>();
    public DbSet<FilingPeriod> FilingPeriods => Set<FilingPeriod>();
    public DbSet<FilingRemark> FilingRemarks => Set<FilingRemark>();
    public DbSet<FilingReminder> FilingReminders => Set<FilingReminder>();
    public DbSet<FilingWaiver> FilingWaivers => Set<FilingWaiver>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<Watch> Watches => Set<Watch>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<SearchText> SearchTexts => Set<SearchText>();
    public DbSet<TravelRequest> TravelRequests => Set<TravelRequest>();
    public DbSet<TravelMessage> TravelMessages => Set<TravelMessage>();
    public DbSet<NotificationKey> NotificationKeys => Set<NotificationKey>();
    public DbSet<FieldKeyCheck> FieldKeyChecks => Set<FieldKeyCheck>();
    /// <summary>The sign-in and antiforgery keys every node shares, encrypted with the field key (docs/operations.md).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // A write refused because another writer holds the lock reaches the user as "busy, nothing saved, try again",
    // never as a raw database error.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (Exception e) when (RegistryBusy.IsBusy(e))
        {
            throw new RegistryBusyException(e);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (Exception e) when (RegistryBusy.IsBusy(e))
        {
            throw new RegistryBusyException(e);
        }
    }

    /// <summary>Who is acting; recorded on every audit entry this context writes.</summary>
    public Actor Actor { get; set; } = Actor.System;

    /// <summary>When set, every firm-owned query returns only this firm's rows (Firm HR users).</summary>
    public Guid? FirmScope { get; set; }

    /// <summary>Queues a named event (for example a reveal of a passport number) for the audit chain.</summary>
    public void RecordAuditEvent(string action, string entityType, string entityKey, IReadOnlyDictionary<string, string?> details) =>
        AuditEntries.Add(AuditChain.PendingEvent(action, entityType, entityKey, details, placeholder: _pendingEvents--));

    // Placeholder sequences of queued named events: 0, -1, -2… (the interceptor numbers them for real).
    private long _pendingEvents;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RegistryDb).Assembly);
        ApplyFirmScope(builder);
    }

    // The one place where Firm HR's view is narrowed to their firm: pages and services cannot forget it.
    private void ApplyFirmScope(ModelBuilder builder)
    {
        builder.Entity<Firm>().HasQueryFilter(f => FirmScope == null || f.Id == FirmScope);
        builder.Entity<Specialist>().HasQueryFilter(s => FirmScope == null || s.FirmId == FirmScope);
        builder.Entity<Expertise>().HasQueryFilter(e => FirmScope == null || Specialists.Any(s => s.Id == e.SpecialistId));
        builder.Entity<Education>().HasQueryFilter(e => FirmScope == null || Specialists.Any(s => s.Id == e.SpecialistId));
        builder.Entity<ResearchRecord>().HasQueryFilter(r => FirmScope == null || Specialists.Any(s => s.Id == r.SpecialistId));
        builder.Entity<Passport>().HasQueryFilter(p => FirmScope == null || Specialists.Any(s => s.Id == p.SpecialistId));
        builder.Entity<CustodyEvent>().HasQueryFilter(c => FirmScope == null || Passports.Any(p => p.Id == c.PassportId));
        builder.Entity<Filing>().HasQueryFilter(f => FirmScope == null || f.FirmId == FirmScope);
        builder.Entity<FilingEntry>().HasQueryFilter(e => FirmScope == null || Filings.Any(f => f.Id == e.FilingId));
        builder.Entity<FilingRemark>().HasQueryFilter(r => FirmScope == null || Filings.Any(f => f.Id == r.FilingId));
        builder.Entity<FilingReminder>().HasQueryFilter(r => FirmScope == null || r.FirmId == FirmScope);
        builder.Entity<FilingWaiver>().HasQueryFilter(w => FirmScope == null || w.FirmId == FirmScope);
        // Quarters apply to every firm; a demand only to the firms it names (its reason is for them alone).
        builder.Entity<FilingPeriod>().HasQueryFilter(p => FirmScope == null || p.Scope == DemandScope.AllFirms
            || (p.Scope == DemandScope.Firm && p.FirmId == FirmScope)
            || (p.Scope == DemandScope.Segment && Firms.Any(f => f.Id == FirmScope && f.Segment == p.Segment)));
        builder.Entity<Flag>().HasQueryFilter(f => FirmScope == null || Specialists.Any(s => s.Id == f.SpecialistId));
        builder.Entity<TravelRequest>().HasQueryFilter(t => FirmScope == null || Specialists.Any(s => s.Id == t.SpecialistId));
        builder.Entity<TravelMessage>().HasQueryFilter(m => FirmScope == null || TravelRequests.Any(t => t.Id == m.TravelRequestId));
    }
}

/// <summary>The person (or the system) on whose behalf a change is made.</summary>
public sealed record Actor(string Id, string Name)
{
    public static readonly Actor System = new("system", "System");
}
