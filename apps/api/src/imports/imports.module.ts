import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Import } from './import.entity';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { RorImportService } from './ror/ror-import.service';

@Module({
  imports: [TypeOrmModule.forFeature([Import])],
  controllers: [ImportsController],
  providers: [ImportsService, RorImportService],
  exports: [RorImportService],
})
export class ImportsModule {}
