using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.HasOne(f => f.Specialist).WithMany(s => s.Flags).HasForeignKey(f => f.SpecialistId).OnDelete(DeleteBehavior.Restrict);
        b.Property(f => f.Reason).HasConversion<string>().HasMaxLength(40);
        b.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(f => f.Status);
        b.Property(f => f.Note).HasMaxLength(2000).IsRequired();
        b.Property(f => f.RaisedById).HasMaxLength(450).IsRequired();
        b.Property(f => f.ResolvedById).HasMaxLength(450);
        b.Property(f => f.ResolutionNote).HasMaxLength(2000);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
