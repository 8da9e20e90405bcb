using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class PassportConfiguration : IEntityTypeConfiguration<Passport>
{
    public void Configure(EntityTypeBuilder<Passport> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasOne(p => p.Specialist).WithMany(s => s.Passports).HasForeignKey(p => p.SpecialistId).OnDelete(DeleteBehavior.Cascade);
        b.ComplexProperty(p => p.Number, SensitiveValueMapping.Configure);
        b.Property(p => p.IssuingCountry).HasMaxLength(60).IsRequired();
        b.Property(p => p.CustodyStatus).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(p => p.CustodyStatus);
        b.HasOne<Passport>().WithMany().HasForeignKey(p => p.ReplacesPassportId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.CustodyEvents).WithOne().HasForeignKey(e => e.PassportId).OnDelete(DeleteBehavior.Restrict);
    }
}
