using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        // An integer key (SQLite's rowid) so the full-text index can point at documents directly.
        b.HasKey(d => d.DocId);
        b.Property(d => d.DocId).ValueGeneratedOnAdd();
        b.HasIndex(d => d.SpecialistId).IsUnique();
        b.HasOne<Specialist>().WithOne().HasForeignKey<SearchDocument>(d => d.SpecialistId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.FirmName).HasMaxLength(200);
        b.Property(d => d.EmployeeNumber).HasMaxLength(40);
        b.Property(d => d.FullName).HasMaxLength(100);
        b.Property(d => d.LatinName).HasMaxLength(100);
        b.Property(d => d.Nationality).HasMaxLength(60);
        // Facets are stored as integers: narrow rows and cheap comparisons when counting.
        b.HasIndex(d => new { d.FirmId, d.LatinName });
        b.HasIndex(d => new { d.Segment, d.LatinName });
        b.HasIndex(d => d.Nationality);
        b.HasIndex(d => d.Custody);
        b.HasIndex(d => d.FlagState);
        b.HasIndex(d => d.HireDate);
        b.HasIndex(d => d.PassportExpiresOn);
        b.HasIndex(d => d.LatinName);
        b.HasIndex(d => d.FullName);
        b.HasOne(d => d.Text).WithOne().HasForeignKey<SearchText>(t => t.DocId).OnDelete(DeleteBehavior.Cascade);
    }
}
