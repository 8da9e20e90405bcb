using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasOne(f => f.Firm).WithMany().HasForeignKey(f => f.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.Property(f => f.Period).HasMaxLength(20).IsRequired();
        b.HasIndex(f => new { f.FirmId, f.Period });
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(f => f.Status);
        b.HasOne<Filing>().WithMany().HasForeignKey(f => f.PreviousFilingId).OnDelete(DeleteBehavior.Restrict);
        b.Property(f => f.SubmittedById).HasMaxLength(450);
        b.Property(f => f.ReviewedById).HasMaxLength(450);
        b.Property(f => f.ReviewComment).HasMaxLength(2000);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasMany(f => f.Entries).WithOne().HasForeignKey(e => e.FilingId).OnDelete(DeleteBehavior.Cascade);
    }
}
