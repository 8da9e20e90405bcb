using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        // One checkpoint per head: two nodes writing the same head at once insert one row between them.
        b.HasKey(c => c.Sequence);
        b.Property(c => c.Sequence).ValueGeneratedNever();
        b.Property(c => c.Hash).HasMaxLength(64).IsRequired();
        b.Property(c => c.Signature).HasMaxLength(64).IsRequired();
    }
}
