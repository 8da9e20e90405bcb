using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class SearchTextConfiguration : IEntityTypeConfiguration<SearchText>
{
    public void Configure(EntityTypeBuilder<SearchText> b)
    {
        b.HasKey(t => t.DocId);
        b.Property(t => t.DocId).ValueGeneratedNever();
    }
}
