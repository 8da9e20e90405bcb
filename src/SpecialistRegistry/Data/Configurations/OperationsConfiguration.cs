using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class NotificationKeyConfiguration : IEntityTypeConfiguration<NotificationKey>
{
    public void Configure(EntityTypeBuilder<NotificationKey> b)
    {
        b.HasKey(k => k.Key);
        b.Property(k => k.Key).HasMaxLength(200);
    }
}

internal sealed class FieldKeyCheckConfiguration : IEntityTypeConfiguration<FieldKeyCheck>
{
    public void Configure(EntityTypeBuilder<FieldKeyCheck> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Sentinel).HasMaxLength(200).IsRequired();
    }
}
