using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class WatchConfiguration : IEntityTypeConfiguration<Watch>
{
    public void Configure(EntityTypeBuilder<Watch> b)
    {
        b.Property(w => w.Id).ValueGeneratedNever();
        b.Property(w => w.UserId).HasMaxLength(450).IsRequired();
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Specialist>().WithMany().HasForeignKey(w => w.SpecialistId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(w => new { w.UserId, w.SpecialistId }).IsUnique();
    }
}
