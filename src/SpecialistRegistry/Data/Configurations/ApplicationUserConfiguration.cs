using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        b.Property(u => u.Culture).HasMaxLength(16);
        b.HasOne(u => u.Firm).WithMany().HasForeignKey(u => u.FirmId).OnDelete(DeleteBehavior.Restrict);
    }
}
