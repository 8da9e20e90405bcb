using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class MatchDecisionConfiguration : IEntityTypeConfiguration<MatchDecision>
{
    public void Configure(EntityTypeBuilder<MatchDecision> b)
    {
        // No DbSet on RegistryDb (features use Set<MatchDecision>()), so the table is named here.
        b.ToTable("MatchDecisions");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasOne<Specialist>().WithMany().HasForeignKey(m => m.FirstSpecialistId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Specialist>().WithMany().HasForeignKey(m => m.SecondSpecialistId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.FirstSpecialistId, m.SecondSpecialistId }).IsUnique();
        b.HasIndex(m => m.SecondSpecialistId);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Verdict).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.Note).HasMaxLength(1000).IsRequired();
        b.Property(m => m.DecidedById).HasMaxLength(450).IsRequired();
        b.Property(m => m.DecidedByName).HasMaxLength(256).IsRequired();
        b.Property(m => m.Version).IsConcurrencyToken();
    }
}
