@echo off
rem YB Desk command line: ybdesk --help
chcp 65001 >nul
where java >nul 2>nul
if errorlevel 1 (
  echo 未找到 Java 17 运行环境：请先安装 Java 17（如 Eclipse Temurin 17 JRE），再运行本程序。详见 README.txt。
  exit /b 3
)
java -Dfile.encoding=UTF-8 -jar "%~dp0ybdesk.jar" %*
