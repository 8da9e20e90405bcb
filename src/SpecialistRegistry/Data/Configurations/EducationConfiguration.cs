using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class EducationConfiguration : IEntityTypeConfiguration<Education>
{
    public void Configure(EntityTypeBuilder<Education> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        // Stored as a number so that "highest degree" sorts correctly.
        b.Property(e => e.Degree);
        b.Property(e => e.Field).HasMaxLength(150).IsRequired();
        b.Property(e => e.Institution).HasMaxLength(200).IsRequired();
        b.Property(e => e.Country).HasMaxLength(60).IsRequired();
    }
}
