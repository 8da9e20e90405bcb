using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FilingReminderConfiguration : IEntityTypeConfiguration<FilingReminder>
{
    public void Configure(EntityTypeBuilder<FilingReminder> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Firm>().WithMany().HasForeignKey(r => r.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FilingPeriod>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        // Once per firm, period, kind and day, whichever app node gets there first.
        b.HasIndex(r => new { r.FirmId, r.PeriodId, r.Kind, r.OnDate }).IsUnique();
    }
}
