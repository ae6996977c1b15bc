@echo off
rem YB Desk window: double-click to start
chcp 65001 >nul
where javaw >nul 2>nul
if errorlevel 1 (
  echo 未找到 Java 17 运行环境：请先安装 Java 17（如 Eclipse Temurin 17 JRE），再双击本文件。详见 README.txt。
  pause
  exit /b 3
)
start "" javaw -Dfile.encoding=UTF-8 -jar "%~dp0ybdesk.jar"
