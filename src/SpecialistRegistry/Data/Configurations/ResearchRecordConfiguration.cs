using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class ResearchRecordConfiguration : IEntityTypeConfiguration<ResearchRecord>
{
    public void Configure(EntityTypeBuilder<ResearchRecord> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Title).HasMaxLength(300).IsRequired();
        b.Property(r => r.Role).HasMaxLength(100);
        b.Property(r => r.Reference).HasMaxLength(200);
    }
}
