import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'wz.hospital.security' })
  @IsString()
  @Length(1, 128)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'End this session (its refresh-token family); omit to end every session of the user.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
