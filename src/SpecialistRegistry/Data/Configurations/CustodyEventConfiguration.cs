using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

internal sealed class CustodyEventConfiguration : IEntityTypeConfiguration<CustodyEvent>
{
    public void Configure(EntityTypeBuilder<CustodyEvent> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.OfficerId).HasMaxLength(450).IsRequired();
        b.Property(e => e.OfficerName).HasMaxLength(100).IsRequired();
        b.Property(e => e.StorageLocation).HasMaxLength(100);
        b.Property(e => e.Condition).HasMaxLength(200);
        b.Property(e => e.ApprovalReference).HasMaxLength(100);
        b.Property(e => e.Destination).HasMaxLength(100);
        b.Property(e => e.ReceiptNumber).HasMaxLength(40);
        b.HasIndex(e => e.ReceiptNumber).IsUnique();
        b.Property(e => e.VerificationCode).HasMaxLength(40);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.Property(e => e.AcknowledgedBy).HasMaxLength(100);
        b.HasOne<Passport>().WithMany().HasForeignKey(e => e.ReplacedByPassportId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.PassportId, e.OccurredAt });
        b.HasOne<TravelRequest>().WithMany().HasForeignKey(e => e.TravelRequestId).OnDelete(DeleteBehavior.Restrict);
        // The passport and holder as they stood at the event (what its receipt names).
        b.ComplexProperty(e => e.PassportNumber, SensitiveValueMapping.Configure);
        b.Property(e => e.PassportCountry).HasMaxLength(60).IsRequired();
        b.Property(e => e.HolderName).HasMaxLength(100).IsRequired();
        b.Property(e => e.HolderLatinName).HasMaxLength(100).IsRequired();
        b.Property(e => e.FirmName).HasMaxLength(200).IsRequired();
    }
}
