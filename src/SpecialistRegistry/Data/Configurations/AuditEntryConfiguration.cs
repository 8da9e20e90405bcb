using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(a => a.Sequence);
        // Assigned by the interceptor under the chain lock, so the sequence is gap-free.
        b.Property(a => a.Sequence).ValueGeneratedNever();
        b.Property(a => a.ActorId).HasMaxLength(450).IsRequired();
        b.Property(a => a.ActorName).HasMaxLength(256).IsRequired();
        b.Property(a => a.Action).HasMaxLength(60).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityKey).HasMaxLength(200).IsRequired();
        b.Property(a => a.Changes).IsRequired();
        b.Property(a => a.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(a => a.Hash).HasMaxLength(64).IsRequired();
        b.Property(a => a.Seal).HasMaxLength(64).IsRequired();
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.ActorId);
    }
}
