using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FilingPeriodConfiguration : IEntityTypeConfiguration<FilingPeriod>
{
    public void Configure(EntityTypeBuilder<FilingPeriod> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Code).HasMaxLength(20).IsRequired();
        // Makes generating a quarter idempotent across app nodes: the second insert of "2026-Q4" fails.
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Title).HasMaxLength(FilingPeriod.MaxTitleLength).IsRequired();
        b.Property(p => p.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Segment).HasConversion<string>().HasMaxLength(40);
        b.HasOne<Firm>().WithMany().HasForeignKey(p => p.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Reason).HasMaxLength(FilingPeriod.MaxReasonLength);
        b.Property(p => p.CreatedById).HasMaxLength(450).IsRequired();
        b.Property(p => p.CreatedByName).HasMaxLength(256).IsRequired();
        b.Property(p => p.DueDateNote).HasMaxLength(500);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.DueOn);
    }
}
