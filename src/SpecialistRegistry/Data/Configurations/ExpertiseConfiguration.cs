using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class ExpertiseConfiguration : IEntityTypeConfiguration<Expertise>
{
    public void Configure(EntityTypeBuilder<Expertise> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Area).HasConversion<string>().HasMaxLength(40);
        // Stored as numbers so that "highest level" sorts correctly.
        b.Property(e => e.Level);
        b.HasIndex(e => new { e.Area, e.Level });
        b.ToTable(t => t.HasCheckConstraint("CK_Expertise_Years", "\"Years\" >= 0 AND \"Years\" <= 70"));
    }
}
