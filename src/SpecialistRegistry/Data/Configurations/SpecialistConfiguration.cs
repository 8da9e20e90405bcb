using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class SpecialistConfiguration : IEntityTypeConfiguration<Specialist>
{
    public void Configure(EntityTypeBuilder<Specialist> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasOne(s => s.Firm).WithMany(f => f.Specialists).HasForeignKey(s => s.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.EmployeeNumber).HasMaxLength(40).IsRequired();
        b.HasIndex(s => new { s.FirmId, s.EmployeeNumber }).IsUnique();
        b.Property(s => s.FullName).HasMaxLength(100).IsRequired();
        b.Property(s => s.LatinName).HasMaxLength(100).IsRequired();
        b.HasIndex(s => s.FullName);
        b.HasIndex(s => s.LatinName);
        b.Property(s => s.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Nationality).HasMaxLength(60).IsRequired();
        b.ComplexProperty(s => s.NationalId, SensitiveValueMapping.Configure);
        b.Property(s => s.Phone).HasMaxLength(40);
        b.Property(s => s.Email).HasMaxLength(256);
        b.Property(s => s.Position).HasMaxLength(100);
        b.Property(s => s.Department).HasMaxLength(100);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.LeftReason).HasMaxLength(500);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasMany(s => s.Expertise).WithOne().HasForeignKey(e => e.SpecialistId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Education).WithOne().HasForeignKey(e => e.SpecialistId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Research).WithOne().HasForeignKey(r => r.SpecialistId).OnDelete(DeleteBehavior.Cascade);
    }
}
