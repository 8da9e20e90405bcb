using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FilingWaiverConfiguration : IEntityTypeConfiguration<FilingWaiver>
{
    public void Configure(EntityTypeBuilder<FilingWaiver> b)
    {
        b.Property(w => w.Id).ValueGeneratedNever();
        b.HasOne<Firm>().WithMany().HasForeignKey(w => w.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FilingPeriod>().WithMany().HasForeignKey(w => w.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.Property(w => w.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.Reason).HasMaxLength(FilingWaiver.MaxReasonLength);
        b.Property(w => w.CreatedById).HasMaxLength(450);
        b.Property(w => w.CreatedByName).HasMaxLength(256);
        // One per firm and period: two regulators waiving at once leave one waiver, and the other is told.
        b.HasIndex(w => new { w.FirmId, w.PeriodId }).IsUnique();
    }
}
