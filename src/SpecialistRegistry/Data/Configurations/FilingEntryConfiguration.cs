using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FilingEntryConfiguration : IEntityTypeConfiguration<FilingEntry>
{
    public void Configure(EntityTypeBuilder<FilingEntry> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.EmployeeNumber).HasMaxLength(40).IsRequired();
        b.Property(e => e.FullName).HasMaxLength(100).IsRequired();
        b.Property(e => e.LatinName).HasMaxLength(100).IsRequired();
        b.Property(e => e.Change).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ChangeSinceReturned).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ChangedFields).HasMaxLength(FilingEntry.MaxChangedFieldsLength).IsRequired();
        b.Property(e => e.Snapshot).IsRequired();
        b.Property(e => e.SnapshotDigest).HasMaxLength(64).IsRequired();
        b.HasIndex(e => e.SpecialistId);
        b.HasIndex(e => new { e.FilingId, e.SpecialistId }).IsUnique();
        // The review grid pages a filing's entries by employee number, optionally of one kind of change.
        b.HasIndex(e => new { e.FilingId, e.EmployeeNumber });
        b.HasIndex(e => new { e.FilingId, e.Change, e.EmployeeNumber });
    }
}
