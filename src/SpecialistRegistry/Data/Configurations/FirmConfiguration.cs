using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FirmConfiguration : IEntityTypeConfiguration<Firm>
{
    public void Configure(EntityTypeBuilder<Firm> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Name).HasMaxLength(200).IsRequired();
        b.Property(f => f.CreditCode).HasMaxLength(Firm.CreditCodeLength).IsFixedLength().IsRequired();
        b.HasIndex(f => f.CreditCode).IsUnique();
        b.Property(f => f.Segment).HasConversion<string>().HasMaxLength(40);
        b.Property(f => f.Region).HasMaxLength(100).IsRequired();
        b.Property(f => f.ContactName).HasMaxLength(100);
        b.Property(f => f.ContactPhone).HasMaxLength(40);
        b.Property(f => f.ContactEmail).HasMaxLength(256);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
