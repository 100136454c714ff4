import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SourcesModule } from '../sources/sources.module';
import { Move } from './move.entity';
import { MovesController } from './moves.controller';
import { MovesService } from './moves.service';

@Module({
  imports: [TypeOrmModule.forFeature([Move]), SourcesModule],
  controllers: [MovesController],
  providers: [MovesService],
})
export class MovesModule {}
