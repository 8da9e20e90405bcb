using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FilingRemarkConfiguration : IEntityTypeConfiguration<FilingRemark>
{
    public void Configure(EntityTypeBuilder<FilingRemark> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Filing>().WithMany().HasForeignKey(r => r.FilingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FilingEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Text).HasMaxLength(FilingRemark.MaxLength).IsRequired();
        b.Property(r => r.AuthorId).HasMaxLength(450).IsRequired();
        b.Property(r => r.AuthorName).HasMaxLength(256).IsRequired();
        b.HasIndex(r => new { r.FilingId, r.EntryId });
    }
}
